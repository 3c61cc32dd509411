<#
.SYNOPSIS
    Build the Windows installer of E-trainer (etrainer): the PyInstaller bundle, then Inno Setup.

.DESCRIPTION
    Run from any folder on 64-bit Windows 10/11 with Python 3.11+ (python.org, "py" launcher) and
    Inno Setup 6.3+ installed:

        powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1

    Steps: creates .venv in the checkout (if missing) and installs the project (with its `postgres`
    extra, psycopg[binary]) and the pinned PyInstaller into it; compiles the translations (scripts\build_translations.py); builds
    dist\etrainer\ with installer\etrainer.spec (etrainer.exe without a console, etrainer-cli.exe
    with one); checks it with "etrainer-cli.exe --version" and "--selftest"; then compiles
    installer\windows\etrainer.iss into dist\etrainer-<version>-windows-x64-setup.exe.

.PARAMETER Python
    The Python used to create .venv when it does not exist (default: "py -3", else "python").

.PARAMETER Iscc
    Path to ISCC.exe (default: found on PATH or in the usual Inno Setup 6 folders).

.PARAMETER SkipInstaller
    Build and check dist\etrainer\ only; do not run Inno Setup.
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
$DefaultPyInstaller = "pyinstaller==6.22.3"   # used when pyproject.toml has no `build` extra pinning it
$root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $root
$started = Get-Date

function Invoke-Checked {
    param([Parameter(Mandatory)][string]$File, [string[]]$Arguments = @())
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "build.ps1: '$File $($Arguments -join ' ')' failed with exit code $LASTEXITCODE"
    }
}

# 1. The virtual environment with the project and PyInstaller.
$venvPython = Join-Path $root ".venv\Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
    Write-Host "build.ps1: creating .venv"
    if ($Python) {
        Invoke-Checked $Python @("-m", "venv", ".venv")
    } elseif (Get-Command py -ErrorAction SilentlyContinue) {
        Invoke-Checked "py" @("-3", "-m", "venv", ".venv")
    } else {
        Invoke-Checked "python" @("-m", "venv", ".venv")
    }
}
Invoke-Checked $venvPython @("-c", "import sys; sys.exit('Python 3.11 or newer is needed' if sys.version_info < (3, 11) else 0)")
# pyside6-lrelease.exe (used by build_translations.py) lives in .venv\Scripts.
$env:PATH = (Join-Path $root ".venv\Scripts") + ";" + $env:PATH

$pin = $DefaultPyInstaller
$pinned = Select-String -Path (Join-Path $root "pyproject.toml") -Pattern '"(pyinstaller==[0-9][0-9.]*)"' |
    Select-Object -First 1
if ($pinned) { $pin = $pinned.Matches[0].Groups[1].Value }
Write-Host "build.ps1: installing the project, psycopg[binary] and $pin into .venv"
Invoke-Checked $venvPython @("-m", "pip", "install", "-q", "--disable-pip-version-check", "--upgrade", "pip")
# The `postgres` extra (psycopg[binary], with its own libpq): the bundle opens a methodist's workspace on a
# PostgreSQL server.
Invoke-Checked $venvPython @("-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", ".[postgres]", $pin)

# 2. Translations and the bundle.
Invoke-Checked $venvPython @("scripts\build_translations.py")
Write-Host "build.ps1: running PyInstaller (installer\etrainer.spec)"
foreach ($old in @("build\pyinstaller", "dist\etrainer")) {
    if (Test-Path $old) { Remove-Item -Recurse -Force $old }
}
Invoke-Checked $venvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installer\etrainer.spec")

# 3. The bundle must start, find its course, resources, translations and migrations.
$cli = Join-Path $root "dist\etrainer\etrainer-cli.exe"
Invoke-Checked $cli @("--version")
Invoke-Checked $cli @("--selftest")
$size = (Get-ChildItem -Recurse -File "dist\etrainer" | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("build.ps1: dist\etrainer is {0:N0} MB" -f $size)

# 4. The installer.
if (-not $SkipInstaller) {
    if (-not $Iscc) {
        $found = Get-Command ISCC.exe -ErrorAction SilentlyContinue
        if ($found) {
            $Iscc = $found.Source
        } else {
            $Iscc = @(
                (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
                (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
                (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
            ) | Where-Object { Test-Path $_ } | Select-Object -First 1
        }
    }
    if (-not $Iscc) {
        throw "build.ps1: Inno Setup 6.3+ (ISCC.exe) not found. Install it (winget install JRSoftware.InnoSetup) or pass -Iscc C:\path\to\ISCC.exe"
    }
    $version = (& $venvPython -c "import etrainer; print(etrainer.__version__)").Trim()
    if ($LASTEXITCODE -ne 0) { throw "build.ps1: could not read the version of etrainer" }
    Write-Host "build.ps1: compiling the installer for version $version with $Iscc"
    Invoke-Checked $Iscc @("/Qp", "/DAppVersion=$version", "installer\windows\etrainer.iss")
    Write-Host "build.ps1: dist\etrainer-$version-windows-x64-setup.exe"
}
Write-Host ("build.ps1: done in {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
