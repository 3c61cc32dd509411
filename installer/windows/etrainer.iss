; Е-тренер — Windows installer (Inno Setup 6.3 or newer).
;
; Build the PyInstaller bundle first (installer\windows\build.ps1 does both steps), then:
;   ISCC.exe /DAppVersion=0.1.0 installer\windows\etrainer.iss
; Output: dist\etrainer-<version>-windows-x64-setup.exe
;
; Installs for the current user without administrator rights by default (into
; %LOCALAPPDATA%\Programs\Etrainer); "Install for all users" in the first dialog, or /ALLUSERS on
; the command line, installs per machine into Program Files (that asks for administrator rights).
; The uninstaller keeps the learners' data (%APPDATA%\etrainer) unless the user answers "Yes" to
; deleting it, or the uninstaller is run with /DELETEUSERDATA. See docs/installing.md.
;
; This file is UTF-8 with a byte-order mark (it holds Cyrillic text).

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed to compile this script
#endif

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Е-тренер"
#define AppExe "etrainer.exe"
#define AppPublisher "Е-тренер developers"
#define BundleDir "..\..\dist\etrainer"
#define ProgId "Etrainer.ProgressFile"
#define ProgressExt ".etprogress"
#define FeedbackProgId "Etrainer.FeedbackFile"
#define FeedbackExt ".etfeedback"
; platformdirs.user_data_dir("etrainer", appauthor=False, roaming=True) — see src\etrainer\paths.py.
#define DataFolder "{userappdata}\etrainer"

[Setup]
; AppId identifies this application to Windows and to later installers: never change it.
AppId={{F4284C51-DA8D-4D3F-B4C5-082ED1E63095}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppComments=Тренажер для бібліотекарів: адміністративні послуги в електронному вигляді
DefaultDirName={autopf}\Etrainer
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on 64-bit Windows 10 (1809) and newer.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=etrainer-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\etrainer.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
uk.AppComment=Тренажер для бібліотекарів: адміністративні послуги в електронному вигляді
en.AppComment=A trainer for librarians: administrative e-services
uk.OtherTasks=Інше:
en.OtherTasks=Other:
uk.ProgressFileType=Файл прогресу Е-тренера
en.ProgressFileType=Е-тренер progress file
uk.FeedbackFileType=Відгук методиста Е-тренера
en.FeedbackFileType=Е-тренер methodist's reply
uk.DeleteUserData=Видалити також дані Е-тренера на цьому комп'ютері для користувача %1: профілі, прогрес навчання, резервні копії?%n%nТека: %2%n%nОберіть «Ні», щоб зберегти їх (наприклад, для повторного встановлення).
en.DeleteUserData=Also delete the Е-тренер data of user %1 on this computer: profiles, learning progress, backups?%n%nFolder: %2%n%nChoose "No" to keep them (for example, to install again later).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "associate"; Description: "{cm:AssocFileExtension,{#AppName},{#ProgressExt}}"; GroupDescription: "{cm:OtherTasks}"

[InstallDelete]
; A new version replaces the whole bundle: no stale module, library or migration file stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Progress files (*.etprogress) open in Е-тренер. HKA is HKCU\Software\Classes for a per-user install
; and HKLM\Software\Classes for a per-machine one.
Root: HKA; Subkey: "Software\Classes\{#ProgressExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgressExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProgressFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#ProgressExt}"; ValueData: ""; Tasks: associate
; The methodist's reply (*.etfeedback) opens in Е-тренер too (docs/feedback-format.md).
Root: HKA; Subkey: "Software\Classes\{#FeedbackExt}"; ValueType: string; ValueName: ""; ValueData: "{#FeedbackProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FeedbackExt}\OpenWithProgids"; ValueType: string; ValueName: "{#FeedbackProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FeedbackProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FeedbackFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FeedbackProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FeedbackProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#FeedbackExt}"; ValueData: ""; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Code]
{ True when the uninstaller's command line holds Name (e.g. /DELETEUSERDATA), in any letter case. }
function CommandLineHas(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
    begin
      Result := True;
      Exit;
    end;
end;

{ The learners' data is kept unless the user says otherwise: a silent uninstall keeps it (unless
  /DELETEUSERDATA is given), /SUPPRESSMSGBOXES answers "No", and "No" is the default button. Only
  the data folder of the user running the uninstaller is touched. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
  Remove: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := ExpandConstant('{#DataFolder}');
  if not DirExists(Folder) then
    Exit;
  if CommandLineHas('/DELETEUSERDATA') then
    Remove := True
  else if UninstallSilent then
    Remove := False
  else
    Remove := SuppressibleMsgBox(FmtMessage(CustomMessage('DeleteUserData'), [GetUserNameString, Folder]),
                                 mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES;
  if Remove then
  begin
    Log('Deleting the user data folder ' + Folder);
    if not DelTree(Folder, True, True, True) then
      Log('Could not delete all of ' + Folder);
  end
  else
    Log('Keeping the user data folder ' + Folder);
end;
