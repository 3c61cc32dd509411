<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>App</name>
    <message>
        <source>Е-тренер</source>
        <translation>Е-тренер</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Your data was restored</source>
        <translation>Ваші дані відновлено</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>Виберіть папку даних</translation>
    </message>
    <message>
        <source>Your progress database is missing</source>
        <translation>Бази даних прогресу немає</translation>
    </message>
    <message>
        <source>The progress database {path} is missing, but there are backups of it; the newest is from {date}. Nothing has been created yet.

Restore the newest backup, choose another data folder, or start with an empty database?</source>
        <translation>Бази даних прогресу {path} немає, але є її резервні копії; найновіша — від {date}. Поки що нічого не створено.

Відновити найновішу копію, вибрати іншу папку даних чи почати з порожньою базою?</translation>
    </message>
    <message>
        <source>This is not an eTrainer database</source>
        <translation>Це не база даних Е-тренера</translation>
    </message>
    <message>
        <source>The file {path} in the data folder is not an eTrainer database ({reason}); eTrainer will not write to it.

Choose another data folder — or put the file aside (renamed, unchanged) and restore the newest backup or start with an empty database?</source>
        <translation>Файл {path} у папці даних — не база даних Е-тренера ({reason}); Е-тренер не записуватиме в нього.

Виберіть іншу папку даних — або відкладіть файл (його буде перейменовано без змін) і відновіть найновішу резервну копію чи почніть з порожньою базою.</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Відновити найновішу копію</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Вибрати іншу папку…</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>Почати з порожньою базою</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти</translation>
    </message>
    <message>
        <source>Е-тренер</source>
        <translation>Е-тренер</translation>
    </message>
    <message>
        <source>Your progress database was repaired</source>
        <translation>Базу даних прогресу відновлено</translation>
    </message>
    <message>
        <source>Everything for a group is in the «Classroom» menu.</source>
        <translation>Усе для роботи з групою — у меню «Заняття».</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>Не вдалося створити автоматичну резервну копію: {reason}</translation>
    </message>
    <message>
        <source>Choose a profile (menu Profile) to keep your progress.</source>
        <translation>Оберіть профіль (меню «Профіль»), щоб зберігати свій прогрес.</translation>
    </message>
    <message>
        <source>Delete the profile “{name}” with all its progress, bookmarks and notes? This cannot be undone (a backup is made first).</source>
        <translation>Видалити профіль «{name}» разом з усім прогресом, закладками й нотатками? Цю дію не можна скасувати (перед видаленням буде створено резервну копію).</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Видалити профіль</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Залишити</translation>
    </message>
    <message>
        <source>The backup before deleting could not be made, so nothing was deleted: {reason}</source>
        <translation>Резервну копію перед видаленням зробити не вдалося, тож нічого не видалено: {reason}</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Резервну копію відновлено</translation>
    </message>
    <message>
        <source>The backup was restored. Е-тренер will now close; start it again.</source>
        <translation>Дані відновлено з резервної копії. Зараз Е-тренер закриється — запустіть його знову.</translation>
    </message>
    <message>
        <source>Add a course</source>
        <translation>Додати курс</translation>
    </message>
    <message>
        <source>Course pack (*.zip course.yaml)</source>
        <translation>Пакет курсу (*.zip course.yaml)</translation>
    </message>
    <message>
        <source>Adding the course…</source>
        <translation>Додаємо курс…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>The course “{title}” (version {version}) was added. Progress is kept. Restart Е-тренер to open it.</source>
        <translation>Курс «{title}» (версія {version}) додано. Прогрес збережено. Перезапустіть Е-тренер, щоб відкрити курс.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) were found in it.</source>
        <translation>
            <numerusform>У ньому знайдено %n проблему.</numerusform>
            <numerusform>У ньому знайдено %n проблеми.</numerusform>
            <numerusform>У ньому знайдено %n проблем.</numerusform>
        </translation>
    </message>
    <message>
        <source>Course added</source>
        <translation>Курс додано</translation>
    </message>
    <message>
        <source>The course was not added</source>
        <translation>Курс не додано</translation>
    </message>
    <message>
        <source>About Е-тренер</source>
        <translation>Про Е-тренер</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Е-тренер {version}&lt;/h3&gt;&lt;p&gt;An offline trainer for librarians who help citizens use administrative e-services.&lt;/p&gt;&lt;p&gt;Licence: GNU GPL v3 or later.&lt;/p&gt;&lt;p&gt;Data folder: {data}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Е-тренер {version}&lt;/h3&gt;&lt;p&gt;Навчальна програма без Інтернету для працівників бібліотек, які допомагають громадянам користуватися адміністративними е-послугами.&lt;/p&gt;&lt;p&gt;Ліцензія: GNU GPL v3 або пізніша.&lt;/p&gt;&lt;p&gt;Папка з даними: {data}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>CafeSetupPage</name>
    <message>
        <source>Tables and their hosts</source>
        <translation>Столи та їхні господарі</translation>
    </message>
    <message>
        <source>Questions for the rounds</source>
        <translation>Питання для раундів</translation>
    </message>
    <message>
        <source>Your own question</source>
        <translation>Власне питання</translation>
    </message>
    <message>
        <source>Earlier World Cafés</source>
        <translation>Попередні «Світові кафе»</translation>
    </message>
    <message>
        <source>World Café: set-up</source>
        <translation>Світове кафе: підготовка</translation>
    </message>
    <message>
        <source>World Café {date}</source>
        <translation>Світове кафе {date}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Стіл</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Господар столу</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>Same question at all tables</source>
        <translation>Одне питання для всіх столів</translation>
    </message>
    <message>
        <source>Each table its own question</source>
        <translation>Кожен стіл — своє питання</translation>
    </message>
    <message>
        <source>Your own question…</source>
        <translation>Ваше питання…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>The course&apos;s World Café kit has problems; the default question is used where needed:</source>
        <translation>У наборі Світового кафе цього курсу є проблеми; де потрібно, взято стандартне питання:</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Відкрити знову</translation>
    </message>
    <message>
        <source>Start round 1 ▸</source>
        <translation>Почати раунд 1 ▸</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>Столів:</translation>
    </message>
    <message>
        <source>Rounds:</source>
        <translation>Раундів:</translation>
    </message>
    <message>
        <source>Round length:</source>
        <translation>Тривалість раунду:</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>Питання:</translation>
    </message>
    <message>
        <source>Questions of the day (ticked ones are used, in this order):</source>
        <translation>Питання дня (використовуються позначені, у такому порядку):</translation>
    </message>
    <message>
        <source>Saved sessions:</source>
        <translation>Збережені зустрічі:</translation>
    </message>
    <message>
        <source>Tick at least one question.</source>
        <translation>Позначте хоча б одне питання.</translation>
    </message>
    <message>
        <source>World Café</source>
        <translation>Світове кафе</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не розпочато</translation>
    </message>
    <message>
        <source>round {n} of {total}</source>
        <translation>раунд {n} з {total}</translation>
    </message>
    <message>
        <source>after round {n} of {total}</source>
        <translation>після раунду {n} з {total}</translation>
    </message>
    <message>
        <source>harvest</source>
        <translation>підсумки</translation>
    </message>
    <message numerus="yes">
        <source>%n saved session file(s) could not be read.</source>
        <translation>
            <numerusform>Не вдалося прочитати %n файл збереженої зустрічі.</numerusform>
            <numerusform>Не вдалося прочитати %n файли збережених зустрічей.</numerusform>
            <numerusform>Не вдалося прочитати %n файлів збережених зустрічей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Зберегти як PNG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Зберегти діаграму</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Зображення PNG (*.png)</translation>
    </message>
    <message>
        <source>Average completion by module: lessons, quizzes, walkthroughs (%)</source>
        <translation>Середнє проходження модулів: уроки, тести, тренажери (%)</translation>
    </message>
    <message>
        <source>The hardest questions: share answered right (%)</source>
        <translation>Найскладніші питання: частка правильних відповідей (%)</translation>
    </message>
</context>
<context>
    <name>ChoiceAnswer</name>
    <message>
        <source>Choose every right answer.</source>
        <translation>Оберіть усі правильні відповіді.</translation>
    </message>
</context>
<context>
    <name>ClassroomMenu</name>
    <message>
        <source>Present this lesson</source>
        <translation>Показати урок як презентацію</translation>
    </message>
    <message>
        <source>Classroom quiz…</source>
        <translation>Тест для групи…</translation>
    </message>
    <message>
        <source>World Café…</source>
        <translation>Світове кафе…</translation>
    </message>
    <message>
        <source>Print this module&apos;s memo…</source>
        <translation>Друкувати памʼятку цього модуля…</translation>
    </message>
    <message>
        <source>Print the course memo…</source>
        <translation>Друкувати памʼятку курсу…</translation>
    </message>
    <message>
        <source>Print all memos…</source>
        <translation>Друкувати всі памʼятки…</translation>
    </message>
    <message>
        <source>Save a memo as PDF…</source>
        <translation>Зберегти памʼятку як PDF…</translation>
    </message>
    <message>
        <source>Open a lesson of the module whose memo you want to print.</source>
        <translation>Відкрийте урок того модуля, памʼятку якого хочете надрукувати.</translation>
    </message>
    <message>
        <source>All memos (a booklet)</source>
        <translation>Усі памʼятки (брошура)</translation>
    </message>
    <message>
        <source>Save a memo as PDF</source>
        <translation>Зберегти памʼятку як PDF</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Памʼятка:</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Зберегти як PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not saved: {reason}</source>
        <translation>PDF не збережено: {reason}</translation>
    </message>
    <message>
        <source>Saved {path} ({n} page(s)).</source>
        <translation>Збережено {path} (сторінок: {n}).</translation>
    </message>
    <message>
        <source>Save the printable kit as PDF…</source>
        <translation>Зберегти друкований комплект як PDF…</translation>
    </message>
    <message>
        <source>The printable kit cannot be saved: {reason}</source>
        <translation>Друкований комплект не збережено: {reason}</translation>
    </message>
    <message>
        <source>The whole kit (all documents)</source>
        <translation>Увесь комплект (усі документи)</translation>
    </message>
    <message>
        <source>Save the printable kit as PDF</source>
        <translation>Зберегти друкований комплект як PDF</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Документ:</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>Зберігаємо {path}…</translation>
    </message>
</context>
<context>
    <name>ClassroomQuiz</name>
    <message>
        <source>Hands for {letter} first</source>
        <translation>Рук за {letter} першим</translation>
    </message>
    <message>
        <source>Hands for {letter}</source>
        <translation>Піднятих рук за {letter}</translation>
    </message>
    <message>
        <source>Put them in the right order.</source>
        <translation>Розставте в правильному порядку.</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Чому:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Джерело:</translation>
    </message>
</context>
<context>
    <name>ClassroomQuizWindow</name>
    <message>
        <source>Classroom quiz</source>
        <translation>Тест для групи</translation>
    </message>
    <message>
        <source>✓ Reveal (R)</source>
        <translation>✓ Показати (R)</translation>
    </message>
    <message>
        <source>A long question is shown alone first, in large type; then its options</source>
        <translation>Довге питання спершу показано саме, великим шрифтом; потім — варіанти відповідей</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Завершити</translation>
    </message>
    <message>
        <source>Voting from phones cannot start on {address}: {reason}. Choose another address or check the network.</source>
        <translation>Голосування з телефонів не вдалося запустити на {address}: {reason}. Оберіть іншу адресу або перевірте мережу.</translation>
    </message>
    <message>
        <source>Points of {team} for this question</source>
        <translation>Бали команди {team} за це питання</translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation>Питання {n} з {total}</translation>
    </message>
    <message>
        <source>Results ▸ (N)</source>
        <translation>Результати ▸ (N)</translation>
    </message>
    <message>
        <source>Next ▸ (N)</source>
        <translation>Далі ▸ (N)</translation>
    </message>
    <message>
        <source>Read the question</source>
        <translation>Прочитайте питання</translation>
    </message>
    <message>
        <source>▶ Start (Space)</source>
        <translation>▶ Старт (Пробіл)</translation>
    </message>
    <message>
        <source>The right answer</source>
        <translation>Правильна відповідь</translation>
    </message>
    <message>
        <source>Time is up!</source>
        <translation>Час вийшов!</translation>
    </message>
    <message>
        <source>Time is up! Keep your hands up</source>
        <translation>Час вийшов! Тримайте руки піднятими</translation>
    </message>
    <message>
        <source>❚❚ Pause (Space)</source>
        <translation>❚❚ Пауза (Пробіл)</translation>
    </message>
    <message>
        <source>Vote now: raise your hand!</source>
        <translation>Голосуйте: підніміть руку!</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>▶ Resume (Space)</source>
        <translation>▶ Продовжити (Пробіл)</translation>
    </message>
    <message>
        <source>Options ▸ (O)</source>
        <translation>Варіанти ▸ (O)</translation>
    </message>
    <message>
        <source>Question (O)</source>
        <translation>Питання (O)</translation>
    </message>
    <message>
        <source>More ▸ (O)</source>
        <translation>Далі ▸ (O)</translation>
    </message>
    <message>
        <source>Vote now on your phones!</source>
        <translation>Голосуйте з телефонів!</translation>
    </message>
    <message>
        <source>Hands up: which comes first?</source>
        <translation>Руки вгору: що спершу?</translation>
    </message>
    <message>
        <source>Why? ▸ (O)</source>
        <translation>Чому? ▸ (O)</translation>
    </message>
    <message>
        <source>= {points}</source>
        <translation>= {points}</translation>
    </message>
    <message>
        <source>Save the summary…</source>
        <translation>Зберегти результати…</translation>
    </message>
    <message>
        <source>Export to Markdown…</source>
        <translation>Експорт у Markdown…</translation>
    </message>
    <message>
        <source>New quiz</source>
        <translation>Новий тест</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Зберегти результати</translation>
    </message>
    <message>
        <source>Summary (*.json)</source>
        <translation>Результати (*.json)</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>Експорт результатів</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation>Не вдалося зберегти файл: {reason}</translation>
    </message>
</context>
<context>
    <name>ClassroomSummary</name>
    <message>
        <source>Classroom quiz: {title}</source>
        <translation>Тест для групи: {title}</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Дата: {date}</translation>
    </message>
    <message>
        <source>Questions: {count}</source>
        <translation>Питань: {count}</translation>
    </message>
    <message>
        <source>Seconds to vote: {seconds}</source>
        <translation>Секунд на голосування: {seconds}</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Команди</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Бали</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Варіант</translation>
    </message>
    <message>
        <source>Hands</source>
        <translation>Піднятих рук</translation>
    </message>
    <message>
        <source>Hands for the right answer: {share}</source>
        <translation>Піднятих рук за правильну відповідь: {share}</translation>
    </message>
    <message>
        <source>Teams that scored: {share}</source>
        <translation>Команд, що отримали бали: {share}</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>не враховано</translation>
    </message>
    <message>
        <source>The answer was not revealed.</source>
        <translation>Відповідь не показували.</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Пояснення:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Джерело:</translation>
    </message>
    <message>
        <source>Voting from phones (participants: {count})</source>
        <translation>Голосування з телефонів (учасників: {count})</translation>
    </message>
    <message>
        <source>Answered from phones: {answered}; right: {right}</source>
        <translation>Відповіли з телефонів: {answered}; правильно: {right}</translation>
    </message>
    <message>
        <source>Not opened for the phones.</source>
        <translation>Для телефонів не відкривали.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Nickname or team</source>
        <translation>Імʼя або команда</translation>
    </message>
    <message>
        <source>The right order: {order}</source>
        <translation>Правильний порядок: {order}</translation>
    </message>
    <message>
        <source>Hands for it first</source>
        <translation>Рук за нього першим</translation>
    </message>
    <message>
        <source>Hands for the right first item: {share}</source>
        <translation>Рук за правильний перший крок: {share}</translation>
    </message>
    <message>
        <source>Orders given from phones: {orders}</source>
        <translation>Порядки з телефонів: {orders}</translation>
    </message>
</context>
<context>
    <name>Consultation</name>
    <message>
        <source>The note looks like it holds a taxpayer number (10 digits). Leave it out: the log is anonymous.</source>
        <translation>Схоже, у нотатці є РНОКПП (10 цифр). Не записуйте його: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note looks like it holds a passport number. Leave it out: the log is anonymous.</source>
        <translation>Схоже, у нотатці є номер паспорта. Не записуйте його: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note looks like it holds an ID-card number (9 digits). Leave it out: the log is anonymous.</source>
        <translation>Схоже, у нотатці є номер ID-картки (9 цифр). Не записуйте його: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note looks like it holds a demographic register number. Leave it out: the log is anonymous.</source>
        <translation>Схоже, у нотатці є номер запису в демографічному реєстрі (УНЗР). Не записуйте його: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note looks like it holds a phone number. Leave it out: the log is anonymous.</source>
        <translation>Схоже, у нотатці є номер телефону. Не записуйте його: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note looks like it holds an e-mail address. Leave it out: the log is anonymous.</source>
        <translation>Схоже, у нотатці є адреса електронної пошти. Не записуйте її: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note looks like it holds a payment card number. Leave it out: the log is anonymous.</source>
        <translation>Схоже, у нотатці є номер платіжної картки. Не записуйте його: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note holds a long number that may identify a person or a document. Leave it out: the log is anonymous.</source>
        <translation>У нотатці є довгий номер, за яким можна впізнати людину чи документ. Не записуйте його: журнал анонімний.</translation>
    </message>
    <message>
        <source>The note is too long: keep it under 200 characters.</source>
        <translation>Нотатка задовга: не більше 200 символів.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Частково</translation>
    </message>
    <message>
        <source>Referred to an ASC or office</source>
        <translation>Направлено до ЦНАП чи установи</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не вдалося</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <source>Record a consultation</source>
        <translation>Записати консультацію</translation>
    </message>
    <message>
        <source>Find a service…</source>
        <translation>Знайти послугу…</translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation>Знайти послугу</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>— reason —</source>
        <translation>— причина —</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Тривалість у хвилинах</translation>
    </message>
    <message>
        <source>— channel —</source>
        <translation>— канал —</translation>
    </message>
    <message>
        <source>— not noted —</source>
        <translation>— не зазначено —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation>Невідомо</translation>
    </message>
    <message>
        <source>Optional, e.g. «needed a new KEP first»</source>
        <translation>Необовʼязково, напр. «спершу потрібен новий КЕП»</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>No names, phones or document numbers</source>
        <translation>Без імен, телефонів, номерів документів</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>Хвилини:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>Visitor&apos;s age:</source>
        <translation>Вік відвідувача:</translation>
    </message>
    <message>
        <source>Could do it alone next time?</source>
        <translation>Зможе наступного разу сам(а)?</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Нотатка:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Послуга:</translation>
    </message>
    <message>
        <source>Choose the service from the list.</source>
        <translation>Виберіть послугу зі списку.</translation>
    </message>
</context>
<context>
    <name>ConsultationLaunch</name>
    <message>
        <source>Choose your profile first: consultations are kept in it.</source>
        <translation>Спершу виберіть свій профіль: консультації зберігаються в ньому.</translation>
    </message>
    <message>
        <source>Consultation saved.</source>
        <translation>Консультацію збережено.</translation>
    </message>
</context>
<context>
    <name>ConsultationMonthDialog</name>
    <message>
        <source>My consultations</source>
        <translation>Мої консультації</translation>
    </message>
    <message>
        <source>Consultations by service</source>
        <translation>Консультації за послугами</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Місяць:</translation>
    </message>
    <message numerus="yes">
        <source>%n consultation(s); time spent: {hours} h {minutes} min</source>
        <translation>
            <numerusform>%n консультація; витрачено часу: {hours} год {minutes} хв</numerusform>
            <numerusform>%n консультації; витрачено часу: {hours} год {minutes} хв</numerusform>
            <numerusform>%n консультацій; витрачено часу: {hours} год {minutes} хв</numerusform>
        </translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Хвилин</translation>
    </message>
    <message>
        <source>«{service}» was hard: reread «{lesson}»</source>
        <translation>«{service}» вдавалася важко: перечитайте урок «{lesson}»</translation>
    </message>
    <message>
        <source>«{service}» was hard: practise it in the walkthrough</source>
        <translation>«{service}» вдавалася важко: потренуйтеся в тренажері</translation>
    </message>
</context>
<context>
    <name>CourseTree</name>
    <message>
        <source>Course contents</source>
        <translation>Зміст курсу</translation>
    </message>
    <message>
        <source>{done} of {total} lessons read</source>
        <translation>Прочитано уроків: {done} з {total}</translation>
    </message>
    <message>
        <source>Final test</source>
        <translation>Підсумковий тест</translation>
    </message>
    <message>
        <source>Review ({n})</source>
        <translation>Повторення ({n})</translation>
    </message>
    <message>
        <source>Questions you got wrong come back here until you know them</source>
        <translation>Питання, на які ви відповіли неправильно, повертаються сюди, доки ви їх не засвоїте</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation>Тренажер</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>True</source>
        <translation>Правда</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Неправда</translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <source>by service</source>
        <translation>за послугами</translation>
    </message>
    <message>
        <source>by library</source>
        <translation>за бібліотеками</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>за місяцями</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>Desk vs training: where consultations went wrong, beside the results on the module that teaches the service</source>
        <translation>Консультації й навчання: де консультації не вдавалися поруч із результатами модуля, що вчить цієї послуги</translation>
    </message>
    <message>
        <source>Counting the consultations…</source>
        <translation>Рахуємо консультації…</translation>
    </message>
    <message>
        <source>The consultations could not be counted: {reason}</source>
        <translation>Не вдалося порахувати консультації: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n consultation(s), {hours} h {minutes} min</source>
        <translation>
            <numerusform>%n консультація, {hours} год {minutes} хв</numerusform>
            <numerusform>%n консультації, {hours} год {minutes} хв</numerusform>
            <numerusform>%n консультацій, {hours} год {minutes} хв</numerusform>
        </translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Послуга</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Бібліотека</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Місяць</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Хвилин</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Модуль</translation>
    </message>
    <message>
        <source>Partly, referred or failed</source>
        <translation>Частково, направлено чи не вдалося</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не вдалося</translation>
    </message>
    <message>
        <source>Module quiz average</source>
        <translation>Середній бал тесту модуля</translation>
    </message>
    <message>
        <source>Walkthroughs passed</source>
        <translation>Тренажери: склали</translation>
    </message>
</context>
<context>
    <name>EditProfileDialog</name>
    <message>
        <source>Edit profile</source>
        <translation>Редагування профілю</translation>
    </message>
    <message>
        <source>Change the PIN (leave both fields empty to remove it)</source>
        <translation>Змінити PIN-код (залиште обидва поля порожніми, щоб прибрати його)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN twice.</source>
        <translation>PIN-коди різні. Введіть той самий PIN-код двічі.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database {path} was damaged, so eTrainer restored your data from the backup of {backup_date} ({backup}) and added the {salvaged} records it could still read from the damaged file that the backup lacked. Work done between {backup_date} and {damaged_at} may be missing. The damaged file was kept as {kept}.</source>
        <translation>Базу даних {path} було пошкоджено, тому Е-тренер відновив ваші дані з резервної копії від {backup_date} ({backup}) і додав {salvaged} записів, яких бракувало в копії і які ще вдалося прочитати з пошкодженого файлу. Робота, виконана між {backup_date} і {damaged_at}, може бути втрачена. Пошкоджений файл збережено як {kept}.</translation>
    </message>
    <message>
        <source>The database {path} was damaged and no usable backup was found, so eTrainer started a new database with the {salvaged} records it could still read from the damaged file. Records that could not be read are missing. The damaged file was kept as {kept}.</source>
        <translation>Базу даних {path} було пошкоджено, а придатної резервної копії не знайдено, тому Е-тренер створив нову базу з {salvaged} записами, які ще вдалося прочитати з пошкодженого файлу. Записи, яких не вдалося прочитати, втрачено. Пошкоджений файл збережено як {kept}.</translation>
    </message>
    <message>
        <source>Changes saved recently in the database {path} are missing (its -wal file was lost), so eTrainer treated it as damaged: it restored the backup of {backup_date} ({backup}) and added the {salvaged} records the file still had that the backup lacked. Work done between {backup_date} and {damaged_at} may be missing. The file was kept as {kept}.</source>
        <translation>Нещодавно збережених змін у базі даних {path} бракує (її файл -wal втрачено), тому Е-тренер вважав її пошкодженою: відновив резервну копію від {backup_date} ({backup}) і додав {salvaged} записів із файлу, яких бракувало в копії. Робота, виконана між {backup_date} і {damaged_at}, може бути втрачена. Файл збережено як {kept}.</translation>
    </message>
    <message>
        <source>eTrainer restored your data from the backup of {backup_date} ({backup}). Work done after that backup is missing.</source>
        <translation>Е-тренер відновив ваші дані з резервної копії від {backup_date} ({backup}). Роботи, виконаної після цієї копії, немає.</translation>
    </message>
    <message>
        <source>The database {path} is missing, but {count} backup(s) of it exist (the newest from {backup_date}: {backup}). Nothing was created. Start eTrainer to restore the backup or to start fresh, or copy the backup to {path}.</source>
        <translation>Бази даних {path} немає, але є її резервні копії ({count}; найновіша від {backup_date}: {backup}). Нічого не створено. Запустіть Е-тренер, щоб відновити копію або почати з чистого аркуша, або скопіюйте копію до {path}.</translation>
    </message>
    <message>
        <source>The file {path} is not an eTrainer database ({reason}); it was left untouched. Start eTrainer with another data folder (--data-dir), or move that file away.</source>
        <translation>Файл {path} — не база даних Е-тренера ({reason}); його не змінено. Запустіть Е-тренер з іншою папкою даних (--data-dir) або перемістіть цей файл.</translation>
    </message>
    <message>
        <source>eTrainer did not open the data in {folder}; nothing was changed.</source>
        <translation>Е-тренер не відкрив дані в папці {folder}; нічого не змінено.</translation>
    </message>
    <message>
        <source>Another Е-тренер is using this data ({folder}). Close it, or wait until it has finished, and start again; nothing was changed.</source>
        <translation>Цими даними ({folder}) вже користується інший Е-тренер. Закрийте його або дочекайтеся, поки він завершить роботу, і запустіть знову; нічого не змінено.</translation>
    </message>
    <message>
        <source>eTrainer cannot write in the data folder {folder} ({reason}). Ask the computer&apos;s administrator to allow writing there, or start eTrainer with another data folder (--data-dir); nothing was moved or changed.</source>
        <translation>Е-тренер не може записувати в папку даних {folder} ({reason}). Попросіть адміністратора компʼютера дозволити запис у неї або запустіть Е-тренер з іншою папкою даних (--data-dir); нічого не переміщено й не змінено.</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full. Free some space (delete or move files you do not need) and start eTrainer again; nothing was moved or changed.</source>
        <translation>Диск, на якому розташовано {folder}, заповнений. Звільніть місце (видаліть або перемістіть непотрібні файли) і запустіть Е-тренер знову; нічого не переміщено й не змінено.</translation>
    </message>
    <message>
        <source>eTrainer could not read or write {path}: {reason}. Check the disk (a removed USB drive, a network folder that went away) and start again; nothing was moved or changed.</source>
        <translation>Е-тренер не зміг прочитати або записати {path}: {reason}. Перевірте диск (вийнята флешка, мережева папка, що зникла) і запустіть знову; нічого не переміщено й не змінено.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Щось пішло не так. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>No course pack was found at {path}: it needs a course.yaml file.</source>
        <translation>У {path} не знайдено пакета курсу: у ньому має бути файл course.yaml. Оберіть інший файл або папку.</translation>
    </message>
    <message>
        <source>The course pack {path} cannot be read: {reason}</source>
        <translation>Не вдалося прочитати пакет курсу {path}: {reason}</translation>
    </message>
    <message>
        <source>The file {path} was not unpacked: {reason}</source>
        <translation>Файл {path} не розпаковано: {reason}</translation>
    </message>
    <message>
        <source>The lesson is too large to show ({size} KB; the limit is {limit} KB).</source>
        <translation>Урок завеликий, тому його не можна показати ({size} КБ, а можна не більше ніж {limit} КБ). Повідомте про це автора курсу.</translation>
    </message>
    <message>
        <source>No course was found (looked in {path}). Add a course from a file or folder.</source>
        <translation>Курс не знайдено (шукали в {path}). Додайте курс із файлу або папки.</translation>
    </message>
    <message>
        <source>The note is too long: keep it under {limit} characters.</source>
        <translation>Нотатка задовга: скоротіть її до {limit} символів.</translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation>Введіть імʼя для профілю.</translation>
    </message>
    <message>
        <source>The name is too long: use at most {limit} characters.</source>
        <translation>Імʼя задовге: скоротіть його до {limit} символів.</translation>
    </message>
    <message>
        <source>A profile named “{name}” already exists. Choose another name.</source>
        <translation>Профіль з імʼям «{name}» уже є. Оберіть інше імʼя.</translation>
    </message>
    <message>
        <source>The library or position is too long: use at most {limit} characters.</source>
        <translation>Назва бібліотеки або посади задовга: скоротіть її до {limit} символів.</translation>
    </message>
    <message>
        <source>This profile no longer exists. Choose another profile.</source>
        <translation>Цього профілю вже немає. Оберіть інший профіль.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>PIN-код має складатися з 4–8 цифр.</translation>
    </message>
    <message>
        <source>The PIN is not correct. Try again.</source>
        <translation>Неправильний PIN-код. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The walkthrough “{title}” has changed since this attempt was saved, so the attempt cannot be resumed. Start it again.</source>
        <translation>Тренажер «{title}» змінився після того, як цю спробу було збережено, тому продовжити її не можна. Почніть тренажер знову.</translation>
    </message>
    <message>
        <source>{path} is not a course pack: it has no course.yaml.</source>
        <translation>{path} — не пакет курсу: у ньому немає файлу course.yaml. Оберіть інший файл або папку.</translation>
    </message>
    <message>
        <source>The course pack {path} was not added: {reason}.</source>
        <translation>Пакет курсу {path} не додано: {reason}.</translation>
    </message>
    <message>
        <source>{path} does not exist: give the folder or the .zip file of a course pack.</source>
        <translation>{path} не існує: вкажіть папку або .zip-файл пакета курсу.</translation>
    </message>
    <message>
        <source>{file}:{line}: {message}. The course pack was not added: correct course.yaml and add it again.</source>
        <translation>{file}:{line}: {message}. Пакет курсу не додано: виправте course.yaml і додайте пакет знову.</translation>
    </message>
    <message>
        <source>The course pack {path} was not added: no space left on the disk holding {folder}. Free some space and add it again; the courses already there were not changed.</source>
        <translation>Курс {path} не додано: на диску, де розташована тека {folder}, не залишилося місця. Звільніть місце й додайте курс знову; уже додані курси не змінено.</translation>
    </message>
    <message>
        <source>Adding the course pack was cancelled; nothing was changed.</source>
        <translation>Додавання курсу скасовано; нічого не змінено.</translation>
    </message>
    <message>
        <source>The question bank {path} does not exist or cannot be read.</source>
        <translation>Банку запитань {path} немає або його не вдається прочитати. Перевірте назву файлу.</translation>
    </message>
    <message>
        <source>{path} is not a file (a folder, a pipe or a device): it cannot be read as a question bank.</source>
        <translation>{path} — не файл (а тека, канал чи пристрій): його не можна прочитати як банк запитань.</translation>
    </message>
    <message>
        <source>The question bank {path} is too large ({size} MB; the limit is {limit} MB).</source>
        <translation>Банк запитань {path} завеликий ({size} МБ, а можна не більше ніж {limit} МБ). Розділіть його на кілька файлів.</translation>
    </message>
    <message>
        <source>The question bank {path} is not UTF-8 text (line {line}). Save it as UTF-8 and import it again.</source>
        <translation>Банк запитань {path} — не текст у кодуванні UTF-8 (рядок {line}). Збережіть його в UTF-8 й імпортуйте знову.</translation>
    </message>
    <message>
        <source>Cannot tell whether {path} is GIFT or Moodle XML. Choose the format (--format gift or --format moodlexml).</source>
        <translation>Не вдалося визначити, чи {path} у форматі GIFT, чи Moodle XML. Укажіть формат (--format gift або --format moodlexml).</translation>
    </message>
    <message>
        <source>{path} already exists; choose another file name (-o).</source>
        <translation>{path} уже існує; оберіть іншу назву файлу (-o).</translation>
    </message>
    <message>
        <source>The database {path} was damaged and no usable backup was found, so eTrainer started with an empty database. The damaged file was kept as {kept}.</source>
        <translation>Базу даних {path} було пошкоджено, а придатної резервної копії не знайдено, тому Е-тренер почав роботу з порожньою базою. Пошкоджений файл збережено як {kept}.</translation>
    </message>
    <message>
        <source>The database {path} was saved by a newer version of eTrainer (schema {revision}). Install the newer eTrainer to open it; nothing was changed.</source>
        <translation>Базу даних {path} збережено новішою версією Е-тренера (схема {revision}). Щоб її відкрити, установіть новішу версію Е-тренера; нічого не змінено.</translation>
    </message>
    <message>
        <source>eTrainer could not update the database {path}: {reason}. The database was left as it was; a copy is also kept at {backup}.</source>
        <translation>Е-тренер не зміг оновити базу даних {path}: {reason}. Базу даних залишено без змін; крім того, її копію збережено як {backup}.</translation>
    </message>
    <message>
        <source>eTrainer could not save a backup copy of the database in {folder}: {reason}</source>
        <translation>Е-тренер не зміг зберегти резервну копію бази даних у папці {folder}: {reason}</translation>
    </message>
    <message>
        <source>The backup {path} is damaged, so it was not restored. Your current data is unchanged; choose another backup.</source>
        <translation>Резервна копія {path} пошкоджена, тому її не відновлено. Ваші поточні дані не змінилися; оберіть іншу резервну копію.</translation>
    </message>
    <message>
        <source>This lesson cannot be shown: it is too deeply nested or has too much markup. Ask its author to split it.</source>
        <translation>Цей урок не вдається показати: у ньому забагато вкладених елементів або розмітки. Попросіть автора розділити урок на частини.</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>Не вдалося записати файл {path}: {reason}</translation>
    </message>
    <message>
        <source>This attempt is already finished; its answers cannot change.</source>
        <translation>Цю спробу вже завершено; відповіді в ній змінити не можна.</translation>
    </message>
    <message>
        <source>This question has already been checked; its answer cannot change.</source>
        <translation>Це питання вже перевірено; відповідь на нього змінити не можна.</translation>
    </message>
    <message>
        <source>The time for this quiz is up; the answer was not accepted.</source>
        <translation>Час на цей тест вичерпано; відповідь не прийнято.</translation>
    </message>
    <message>
        <source>All {limit} attempts at “{title}” have been used.</source>
        <translation>Усі спроби для «{title}» уже використано (дозволено спроб: {limit}).</translation>
    </message>
    <message>
        <source>The methodist workspace {url} cannot be opened: {reason}</source>
        <translation>Не вдалося відкрити робочий простір методиста {url}: {reason}</translation>
    </message>
    <message>
        <source>The methodist workspace {url} is on a PostgreSQL server, but the PostgreSQL driver is not installed. Install it with: pip install &apos;etrainer[postgres]&apos;</source>
        <translation>Робочий простір методиста {url} розміщено на сервері PostgreSQL, але драйвер PostgreSQL не встановлено. Встановіть його командою: pip install &apos;etrainer[postgres]&apos;</translation>
    </message>
    <message>
        <source>The database server of the methodist workspace {url} cannot be reached ({reason}). Check the host and port, and that the server is running.</source>
        <translation>Не вдалося зʼєднатися із сервером бази даних робочого простору методиста {url} ({reason}). Перевірте адресу й порт і те, що сервер працює.</translation>
    </message>
    <message>
        <source>The database server of the methodist workspace {url} refused the login of user {user} ({reason}).</source>
        <translation>Сервер бази даних робочого простору методиста {url} не впустив користувача {user} ({reason}).</translation>
    </message>
    <message>
        <source>The file {path} is not a methodist workspace (it holds another program&apos;s tables, such as “{table}”), so it was left untouched. Choose a workspace file, or the name of a new file for a new workspace.</source>
        <translation>Файл {path} — не робочий простір методиста (у ньому таблиці іншої програми, як-от «{table}»), тож його не змінено. Виберіть файл робочого простору або назву нового файлу для нового робочого простору.</translation>
    </message>
    <message>
        <source>The methodist workspace {url} was made by a newer eTrainer (schema {found}). Update eTrainer to open it.</source>
        <translation>Робочий простір методиста {url} створено новішою версією Е-тренера (схема {found}). Оновіть Е-тренер, щоб його відкрити.</translation>
    </message>
    <message>
        <source>The classroom quiz summary {path} cannot be opened: {reason}</source>
        <translation>Не вдалося відкрити результати тесту для групи {path}: {reason}</translation>
    </message>
    <message>
        <source>The classroom quiz summary {path} comes from a newer eTrainer (format {found}). Update eTrainer, then open it again.</source>
        <translation>Результати тесту для групи {path} збережено новішою версією Е-тренера (формат {found}). Оновіть Е-тренер і відкрийте файл знову.</translation>
    </message>
    <message>
        <source>The World Café session {path} cannot be opened: {reason}</source>
        <translation>Не вдалося відкрити збережену зустріч Світового кафе {path}: {reason}</translation>
    </message>
    <message>
        <source>The World Café session {path} comes from a newer eTrainer (format {found}). Update eTrainer, then open it again.</source>
        <translation>Зустріч Світового кафе {path} збережено новішою версією Е-тренера (формат {found}). Оновіть Е-тренер і відкрийте файл знову.</translation>
    </message>
    <message>
        <source>The course has no module “{module}”. Module ids: {known}.</source>
        <translation>У курсі немає модуля «{module}». Наявні ідентифікатори модулів: {known}.</translation>
    </message>
    <message>
        <source>The module “{module}” has no memo (a memo.md file in its folder).</source>
        <translation>У модуля «{module}» немає памʼятки (файлу memo.md у його папці).</translation>
    </message>
    <message>
        <source>The course has no course-wide memo (memo.md beside course.yaml).</source>
        <translation>У курсі немає загальної памʼятки (файлу memo.md поруч із course.yaml).</translation>
    </message>
    <message>
        <source>The course has no memos to print.</source>
        <translation>У курсі немає памʼяток для друку.</translation>
    </message>
    <message>
        <source>{target} could not be opened for writing. Check that the folder exists, that you may write there, and that the file is not open in another program.</source>
        <translation>Не вдалося відкрити {target} для запису. Перевірте, чи існує папка, чи можна в неї записувати і чи не відкрито файл в іншій програмі.</translation>
    </message>
    <message>
        <source>The course has no printable kit (kit/kit.yaml in the course folder).</source>
        <translation>У курсі немає друкованого комплекту (файлу kit/kit.yaml у папці курсу).</translation>
    </message>
    <message>
        <source>The printable kit has no document “{document}”. Document ids: {known}.</source>
        <translation>У друкованому комплекті немає документа «{document}». Ідентифікатори документів: {known}.</translation>
    </message>
    <message>
        <source>The printable kit cannot be printed: {problem}. Run “etrainer check” on the course folder to see every problem.</source>
        <translation>Друкований комплект не можна надрукувати: {problem}. Щоб побачити всі проблеми, виконайте «etrainer check» для папки курсу.</translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the database refused to save ({detail}). Press Retry; if it keeps happening, call the PC administrator. You can go on reading the lessons.</source>
        <translation>Прогрес зараз не зберігається: база даних відмовилася зберегти ({detail}). Натисніть «Повторити»; якщо це повторюється, покличте адміністратора ПК. Читати уроки можна далі.</translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the disk is full. Free some space or call the PC administrator. You can go on reading the lessons.</source>
        <translation>Прогрес зараз не зберігається: на диску немає місця. Звільніть місце або покличте адміністратора ПК. Читати уроки можна далі.</translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the data folder {folder} is read-only. Ask the PC administrator to allow writing there. You can go on reading the lessons.</source>
        <translation>Прогрес зараз не зберігається: у папку даних {folder} не можна записувати. Попросіть адміністратора ПК дозволити запис у неї. Читати уроки можна далі.</translation>
    </message>
    <message>
        <source>Progress is not being saved right now: another Е-тренер or another program is holding the data. Close it, then press Retry. You can go on reading the lessons.</source>
        <translation>Прогрес зараз не зберігається: дані тримає інший Е-тренер або інша програма. Закрийте її, потім натисніть «Повторити». Читати уроки можна далі.</translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the disk reported a read or write error. Call the PC administrator: the disk may be failing. You can go on reading the lessons.</source>
        <translation>Прогрес зараз не зберігається: диск повідомив про помилку читання або запису. Покличте адміністратора ПК: можливо, диск виходить з ладу. Читати уроки можна далі.</translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the progress database is damaged. Close Е-тренер and start it again: it repairs the database from a backup. You can go on reading the lessons.</source>
        <translation>Прогрес зараз не зберігається: базу даних прогресу пошкоджено. Закрийте Е-тренер і запустіть його знову: він відновить базу з резервної копії. Читати уроки можна далі.</translation>
    </message>
    <message>
        <source>Another Е-тренер is using the data folder {folder} ({holder}). Close it, then try again.</source>
        <translation>Папкою даних {folder} уже користується інший Е-тренер ({holder}). Закрийте його і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>{name} has not completed the course yet ({read} of {total} lessons read, {passed} of {quizzes} quizzes passed, {walked} of {walkthroughs} walkthroughs passed), so there is no certificate to print.</source>
        <translation>{name}: курс ще не завершено (прочитано уроків: {read} з {total}, складено тестів: {passed} з {quizzes}, пройдено тренажерів: {walked} з {walkthroughs}), тому сертифіката для друку поки немає.</translation>
    </message>
    <message>
        <source>There is no essay number {essay} in this workspace.</source>
        <translation>У цьому робочому просторі немає есе з номером {essay}.</translation>
    </message>
    <message>
        <source>The essay is marked out of {max_points}: give from 0 to {max_points} points, not {points}.</source>
        <translation>Есе оцінюють максимум на {max_points}: поставте від 0 до {max_points} балів, а не {points}.</translation>
    </message>
    <message>
        <source>“{value}” is not a known {kind} of the course&apos;s consultation list. Known: {known}.</source>
        <translation>«{value}» немає в переліку консультацій курсу ({kind}). Відомі: {known}.</translation>
    </message>
    <message>
        <source>Minutes must be a whole number from 1 to {maximum}.</source>
        <translation>Хвилини — ціле число від 1 до {maximum}.</translation>
    </message>
    <message>
        <source>A reason is given only when the help was partial, referred or failed.</source>
        <translation>Причину вказують, лише коли допомогли частково, направили далі або не вдалося.</translation>
    </message>
    <message>
        <source>This course has no consultation list (consultations.yaml in the course folder), so consultations cannot be recorded.</source>
        <translation>У цьому курсі немає переліку послуг для журналу консультацій (consultations.yaml у теці курсу), тож записати консультацію не можна.</translation>
    </message>
    <message>
        <source>The spreadsheet {path} cannot be read: {reason}</source>
        <translation>Не вдалося прочитати таблицю {path}: {reason}</translation>
    </message>
    <message>
        <source>No consultation of {path} was imported: no space left on the disk holding the progress database. Free some space and import the file again.</source>
        <translation>Жодної консультації з {path} не імпортовано: на диску з базою даних прогресу не залишилося місця. Звільніть місце й імпортуйте файл знову.</translation>
    </message>
    <message>
        <source>“{value}” is not an outcome: use done, partly, referred or failed.</source>
        <translation>«{value}» — не результат: використайте done, partly, referred або failed.</translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} does not answer ({reason}). The statements stay queued and go with the next sending.</source>
        <translation>Сховище навчальних записів за адресою {endpoint} не відповідає ({reason}). Записи лишаються в черзі й підуть із наступним надсиланням.</translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} refused the statements (HTTP {status}){detail}.</source>
        <translation>Сховище навчальних записів за адресою {endpoint} відхилило записи (HTTP {status}){detail}.</translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} refused the user name or the password (HTTP {status}).</source>
        <translation>Сховище навчальних записів за адресою {endpoint} не прийняло імʼя користувача або пароль (HTTP {status}).</translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} does not let this user send statements (HTTP {status}).</source>
        <translation>Сховище навчальних записів за адресою {endpoint} не дозволяє цьому користувачеві надсилати записи (HTTP {status}).</translation>
    </message>
    <message>
        <source>There is no learning record store at {endpoint} (HTTP {status}): check the address (it usually ends with /xAPI/).</source>
        <translation>За адресою {endpoint} немає сховища навчальних записів (HTTP {status}): перевірте адресу (зазвичай вона закінчується на /xAPI/).</translation>
    </message>
    <message>
        <source>“{endpoint}” is not a learning record store address: it must start with http:// or https://.</source>
        <translation>«{endpoint}» — не адреса сховища навчальних записів: вона має починатися з http:// або https://.</translation>
    </message>
    <message>
        <source>The LRS at {endpoint} answered with an error: {reason}</source>
        <translation>LRS за адресою {endpoint} відповіло помилкою: {reason}</translation>
    </message>
    <message>
        <source>The LRS at {endpoint} cannot be reached: {reason}</source>
        <translation>LRS за адресою {endpoint} недоступне: {reason}</translation>
    </message>
    <message>
        <source>The LRS at {endpoint} refused the user name or password (HTTP {status}).</source>
        <translation>LRS за адресою {endpoint} не прийняло ім’я користувача або пароль (HTTP {status}).</translation>
    </message>
    <message>
        <source>The LRS at {endpoint} sent an answer eTrainer cannot read: {reason}</source>
        <translation>LRS за адресою {endpoint} надіслало відповідь, яку Е-тренер не може прочитати: {reason}</translation>
    </message>
    <message>
        <source>The progress database could not be opened, so nothing was saved.</source>
        <translation>Базу даних поступу не вдалося відкрити, тож нічого не збережено.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Експорт скасовано; файл не записано.</translation>
    </message>
    <message>
        <source>No space left on the disk holding the methodist workspace {url}: the import stopped after {done} of {total} file(s). The files imported are kept; free some space and import again (they are skipped then).</source>
        <translation>На диску з робочим простором методиста {url} не залишилося місця: імпорт зупинився після {done} з {total} файлів. Імпортовані файли збережено; звільніть місце й імпортуйте знову (їх тоді буде пропущено).</translation>
    </message>
    <message>
        <source>{file}:{line}: {message}</source>
        <translation>{file}:{line}: {message}</translation>
    </message>
</context>
<context>
    <name>Essay</name>
    <message>
        <source>The methodist marks it out of {points} points.</source>
        <translation>Методист оцінить відповідь максимум на {points} балів.</translation>
    </message>
    <message>
        <source>How it is marked</source>
        <translation>Як оцінюють</translation>
    </message>
    <message>
        <source>{points} of {max} points</source>
        <translation>{points} з {max} балів</translation>
    </message>
    <message>
        <source>The methodist’s reply: {points}</source>
        <translation>Відгук методиста: {points}</translation>
    </message>
    <message>
        <source>Under review: the methodist will reply.</source>
        <translation>На перевірці: методист надішле відгук.</translation>
    </message>
</context>
<context>
    <name>EssayAnswer</name>
    <message>
        <source>Write your answer here…</source>
        <translation>Напишіть свою відповідь тут…</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ваша відповідь</translation>
    </message>
    <message>
        <source>A sample answer</source>
        <translation>Зразок відповіді</translation>
    </message>
    <message>
        <source>Words: {n} (from {min} to {max})</source>
        <translation>Слів: {n} (від {min} до {max})</translation>
    </message>
    <message>
        <source>Words: {n} (at least {min})</source>
        <translation>Слів: {n} (щонайменше {min})</translation>
    </message>
    <message>
        <source>Words: {n} (at most {max})</source>
        <translation>Слів: {n} (щонайбільше {max})</translation>
    </message>
    <message>
        <source>Words: {n}</source>
        <translation>Слів: {n}</translation>
    </message>
</context>
<context>
    <name>EssayMatrixModel</name>
    <message>
        <source>{graded} ✓ · {pending} ○</source>
        <translation>{graded} ✓ · {pending} ○</translation>
    </message>
    <message>
        <source>Essays</source>
        <translation>Есе</translation>
    </message>
    <message>
        <source>Essays marked: {graded}; waiting: {pending}</source>
        <translation>Есе оцінено: {graded}; на перевірці: {pending}</translation>
    </message>
</context>
<context>
    <name>EssayReplies</name>
    <message>
        <source>You have not sent any essays yet.</source>
        <translation>Ви ще не надіслали жодного есе.</translation>
    </message>
</context>
<context>
    <name>EssayRepliesDialog</name>
    <message>
        <source>My essays and the methodist’s replies</source>
        <translation>Мої есе і відгуки методиста</translation>
    </message>
</context>
<context>
    <name>EssaysTab</name>
    <message>
        <source>Only essays not marked yet</source>
        <translation>Лише ще не оцінені есе</translation>
    </message>
    <message>
        <source>Save replies…</source>
        <translation>Зберегти відгуки…</translation>
    </message>
    <message>
        <source>Librarian / module / question</source>
        <translation>Бібліотекар / модуль / питання</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Слів</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Оцінка</translation>
    </message>
    <message>
        <source>Mark one</source>
        <translation>Оцінити</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Усі відповіді поруч</translation>
    </message>
    <message>
        <source>A comment for the librarian</source>
        <translation>Коментар для бібліотекаря</translation>
    </message>
    <message>
        <source>Save the mark</source>
        <translation>Зберегти оцінку</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Бали:</translation>
    </message>
    <message>
        <source>Hide names while marking</source>
        <translation>Приховати імена під час оцінювання</translation>
    </message>
    <message>
        <source>Marked: {graded} · waiting: {pending}</source>
        <translation>Оцінено: {graded} · на перевірці: {pending}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Зупинити</translation>
    </message>
    <message>
        <source>Loading the essays…</source>
        <translation>Завантажуємо есе…</translation>
    </message>
    <message>
        <source>The essays could not be read: {reason}</source>
        <translation>Не вдалося прочитати есе: {reason}</translation>
    </message>
    <message>
        <source>○ waiting</source>
        <translation>○ на перевірці</translation>
    </message>
    <message>
        <source>{graded} marked, {pending} waiting</source>
        <translation>оцінено {graded}, на перевірці {pending}</translation>
    </message>
    <message>
        <source>Without a module</source>
        <translation>Без модуля</translation>
    </message>
    <message>
        <source>Choose an essay on the left.</source>
        <translation>Оберіть есе ліворуч.</translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation>слів: {n}</translation>
    </message>
    <message>
        <source>— not chosen —</source>
        <translation>— не обрано —</translation>
    </message>
    <message>
        <source>of {max}</source>
        <translation>з {max}</translation>
    </message>
    <message>
        <source>Saved: {name}, {points} of {max}.</source>
        <translation>Збережено: {name}, {points} з {max}.</translation>
    </message>
    <message>
        <source>Librarian {n}</source>
        <translation>Бібліотекар {n}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>на перевірці</translation>
    </message>
    <message>
        <source>No essays yet.</source>
        <translation>Есе ще немає.</translation>
    </message>
    <message>
        <source>Where to save the replies</source>
        <translation>Куди зберегти відгуки</translation>
    </message>
    <message>
        <source>Saving the replies…</source>
        <translation>Зберігаємо відгуки…</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Зупиняємо після поточного файлу…</translation>
    </message>
    <message>
        <source>Saving the replies: {done} of {total}…</source>
        <translation>Зберігаємо відгуки: {done} з {total}…</translation>
    </message>
    <message>
        <source>The replies could not be saved: {reason}</source>
        <translation>Відгуки не вдалося зберегти: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Replies saved: %n file(s) in {folder}. Send each librarian her file.</source>
        <translation>
            <numerusform>Відгуки збережено: %n файл у {folder}. Надішліть кожному бібліотекареві його файл.</numerusform>
            <numerusform>Відгуки збережено: %n файли в {folder}. Надішліть кожному бібліотекареві його файл.</numerusform>
            <numerusform>Відгуки збережено: %n файлів у {folder}. Надішліть кожному бібліотекареві його файл.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no new marks to send.</source>
        <translation>Нових оцінок для надсилання немає.</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>This is not an eTrainer progress file.</source>
        <translation>Це не файл прогресу Е-тренера.</translation>
    </message>
    <message>
        <source>This progress file was made by a newer version of eTrainer. Update eTrainer, then import the file again.</source>
        <translation>Цей файл прогресу створено новішою версією Е-тренера. Оновіть Е-тренер і знову імпортуйте файл.</translation>
    </message>
    <message>
        <source>The file was changed after it was exported (its signature does not match). Ask the learner to export it again.</source>
        <translation>Файл змінено після експорту (підпис не збігається). Попросіть того, хто надіслав файл, експортувати його ще раз.</translation>
    </message>
    <message>
        <source>This learner&apos;s earlier files were signed on another computer or with another key. Check with the learner before trusting this file.</source>
        <translation>Попередні файли цієї людини підписано на іншому компʼютері або іншим ключем. Перш ніж довіряти цьому файлу, уточніть у неї, що сталося.</translation>
    </message>
    <message>
        <source>The file is incomplete or garbled (perhaps it was not copied to the end). Ask the learner to export it again.</source>
        <translation>Файл неповний або пошкоджений (можливо, його скопійовано не до кінця). Попросіть того, хто надіслав файл, експортувати його ще раз.</translation>
    </message>
    <message>
        <source>The file is too large to be a progress file.</source>
        <translation>Файл завеликий — це не може бути файл прогресу.</translation>
    </message>
    <message>
        <source>The file is damaged: some of its data is missing or not in the expected form. Ask the learner to export it again.</source>
        <translation>Файл пошкоджено: частини даних бракує або вони мають неочікуваний вигляд. Попросіть того, хто надіслав файл, експортувати його ще раз.</translation>
    </message>
    <message>
        <source>This is not a methodist&apos;s reply file.</source>
        <translation>Це не файл відгуку методиста.</translation>
    </message>
    <message>
        <source>This reply was made by a newer version of eTrainer. Update eTrainer, then open it again.</source>
        <translation>Цей відгук створено новішою версією Е-тренера. Оновіть Е-тренер і відкрийте файл знову.</translation>
    </message>
    <message>
        <source>The reply was changed after the methodist saved it (its signature does not match). Ask the methodist to send it again.</source>
        <translation>Відгук змінили після того, як методист його зберіг (підпис не збігається). Попросіть методиста надіслати його ще раз.</translation>
    </message>
    <message>
        <source>This reply comes from another methodist&apos;s workspace than the earlier ones (it is signed with another key). Check with your methodist before trusting it.</source>
        <translation>Цей відгук надійшов з іншого робочого простору методиста, ніж попередні (він підписаний іншим ключем). Перш ніж довіряти йому, уточніть у свого методиста.</translation>
    </message>
    <message>
        <source>This reply is for a learner who has no profile on this computer.</source>
        <translation>Цей відгук адресовано слухачеві, профілю якого немає на цьому компʼютері.</translation>
    </message>
    <message>
        <source>The reply is incomplete or garbled (perhaps it was not copied to the end). Ask the methodist to send it again.</source>
        <translation>Відгук неповний або пошкоджений (можливо, його скопіювали не до кінця). Попросіть методиста надіслати його ще раз.</translation>
    </message>
    <message>
        <source>The file is too large to be a methodist&apos;s reply.</source>
        <translation>Файл завеликий для відгуку методиста.</translation>
    </message>
    <message>
        <source>The reply is damaged: some of its data is missing or not in the expected form. Ask the methodist to send it again.</source>
        <translation>Відгук пошкоджено: частини даних бракує або вони мають не той вигляд. Попросіть методиста надіслати його ще раз.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for the methodist</source>
        <extracomment>format → (service method, file suffix)</extracomment>
        <translation>Експорт для методиста</translation>
    </message>
    <message>
        <source>&lt;p&gt;The file will contain:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;your name: &lt;b&gt;{name}&lt;/b&gt;, library: &lt;b&gt;{branch}&lt;/b&gt;, position: &lt;b&gt;{position}&lt;/b&gt;;&lt;/li&gt;&lt;li&gt;the course «{course}»: lessons read ({lessons}), quiz attempts ({quizzes}) with every answer ({answers}), walkthrough attempts ({walkthroughs}) with every step ({steps}).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;It does not contain your PIN, your notes or your bookmarks. The file is signed, so the methodist can see that nobody changed it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;У файлі буде:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;ваше імʼя: &lt;b&gt;{name}&lt;/b&gt;, бібліотека: &lt;b&gt;{branch}&lt;/b&gt;, посада: &lt;b&gt;{position}&lt;/b&gt;;&lt;/li&gt;&lt;li&gt;курс «{course}»: прочитані уроки ({lessons}), спроби тестів ({quizzes}) з усіма відповідями ({answers}), спроби тренажерів ({walkthroughs}) з усіма кроками ({steps}).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;У файлі немає вашого PIN-коду, нотаток і закладок. Файл підписано, тож методист побачить, що ніхто його не змінював.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your essays ({n}) go to the methodist in full, so that she can read and mark them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ваші есе ({n}) потраплять до методиста повністю, щоб він міг їх прочитати й оцінити.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;«Send to the LRS» sends the same records — your name, your answers and results — as xAPI statements to the learning record store at &lt;b&gt;{endpoint}&lt;/b&gt; (user {user}). An attempt you have not finished waits until it is finished.&lt;/p&gt;</source>
        <translation>&lt;p&gt;«Надіслати до LRS» надсилає ті самі записи — ваше імʼя, ваші відповіді й результати — як твердження xAPI до сховища навчальних записів за адресою &lt;b&gt;{endpoint}&lt;/b&gt; (користувач {user}). Незавершена спроба чекає, доки ви її завершите.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Once you have sent, what you finish later goes there by itself while Е-тренер is open (the status bar shows it); removing the address in Settings stops it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Після першого надсилання те, що ви завершите пізніше, надходить туди само, поки Е-тренер відкритий (це видно в рядку стану); щоб це припинити, приберіть адресу в Налаштуваннях.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A file for the methodist (.etprogress) — recommended</source>
        <translation>Файл для методиста (.etprogress) — рекомендовано</translation>
    </message>
    <message>
        <source>An Excel table (.xlsx)</source>
        <translation>Таблиця Excel (.xlsx)</translation>
    </message>
    <message>
        <source>A progress report (PDF)</source>
        <translation>Звіт про прогрес (PDF)</translation>
    </message>
    <message>
        <source>A certificate of completion (PDF)</source>
        <translation>Сертифікат про проходження курсу (PDF)</translation>
    </message>
    <message>
        <source>A CSV table</source>
        <translation>Таблиця CSV</translation>
    </message>
    <message>
        <source>xAPI statements for a learning record store (.json)</source>
        <translation>Записи xAPI для системи обліку навчання (LRS) (.json)</translation>
    </message>
    <message>
        <source>Available when the whole course is passed: lessons read {read} of {lessons}, quizzes passed {passed} of {quizzes}, walkthroughs passed {walked} of {walkthroughs}.</source>
        <translation>Буде доступний, коли курс пройдено повністю: прочитано уроків {read} з {lessons}, складено тестів {passed} з {quizzes}, пройдено тренажерів {walked} з {walkthroughs}.</translation>
    </message>
    <message>
        <source>I have read what the file contains and agree to give it to the methodist.</source>
        <translation>Мені зрозуміло, що буде у файлі, і я погоджуюся передати його методистові.</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>Погоджуюся</translation>
    </message>
    <message>
        <source>Send to the LRS</source>
        <translation>Надіслати до LRS</translation>
    </message>
    <message>
        <source>Save the file…</source>
        <translation>Зберегти файл…</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Відкрити папку</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message numerus="yes">
        <source>Also your anonymous consultation log: %n consultation(s) — services, outcomes, minutes and short notes, with no visitor&apos;s personal data.</source>
        <translation>
            <numerusform>Також ваш анонімний журнал консультацій: %n консультація — послуги, результати, хвилини й короткі нотатки, без персональних даних відвідувачів.</numerusform>
            <numerusform>Також ваш анонімний журнал консультацій: %n консультації — послуги, результати, хвилини й короткі нотатки, без персональних даних відвідувачів.</numerusform>
            <numerusform>Також ваш анонімний журнал консультацій: %n консультацій — послуги, результати, хвилини й короткі нотатки, без персональних даних відвідувачів.</numerusform>
        </translation>
    </message>
    <message>
        <source>What to save:</source>
        <translation>Що зберегти:</translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation>Зберегти файл</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Зберігаємо…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>Скасовано; нічого не збережено.</translation>
    </message>
    <message>
        <source>Saved: {path}. Send this file to your methodist by e-mail or on a USB stick.</source>
        <translation>Збережено: {path}. Надішліть цей файл методистові електронною поштою або передайте на флешці.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>The file was not saved: {reason}</source>
        <translation>Файл не збережено: {reason}</translation>
    </message>
    <message>
        <source>The password of {user} at {endpoint} (it is kept only until Е-тренер closes):</source>
        <translation>Пароль користувача {user} для {endpoint} (його памʼятають лише до закриття Е-тренера):</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Надсилання…</translation>
    </message>
    <message>
        <source>sent {sent}, already there {already}, waiting {waiting}</source>
        <translation>надіслано {sent}, уже були там {already}, чекають {waiting}</translation>
    </message>
    <message>
        <source>Not everything was sent: {reason} ({counts}). What was not sent stays queued and goes with the next sending.</source>
        <translation>Надіслано не все: {reason} ({counts}). Ненадіслане лишається в черзі й піде з наступним надсиланням.</translation>
    </message>
    <message>
        <source>Cancelled ({counts}). What was not sent stays queued.</source>
        <translation>Скасовано ({counts}). Ненадіслане лишається в черзі.</translation>
    </message>
    <message>
        <source>Nothing new to send: the LRS has all your finished work.</source>
        <translation>Нічого нового надсилати: у LRS уже є вся ваша завершена робота.</translation>
    </message>
    <message>
        <source>Sent to the LRS: {counts}.</source>
        <translation>Надіслано до LRS: {counts}.</translation>
    </message>
    <message>
        <source>Nothing was sent: {reason}</source>
        <translation>Нічого не надіслано: {reason}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Скасовуємо…</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>The reply was not opened</source>
        <translation>Відгук не відкрито</translation>
    </message>
    <message>
        <source>{sentence}

If your methodist told you that she now works in another workspace (a new computer, a reinstalled eTrainer), you may trust it from now on. Trust this reply?</source>
        <translation>{sentence}

Якщо методист повідомив, що тепер працює в іншому робочому просторі (новий компʼютер, перевстановлений Е-тренер), йому можна довіряти надалі. Довіряти цьому відгуку?</translation>
    </message>
    <message>
        <source>A reply from another workspace</source>
        <translation>Відгук з іншого робочого простору</translation>
    </message>
    <message>
        <source>Trust it</source>
        <translation>Довіряти</translation>
    </message>
    <message>
        <source>Do not open</source>
        <translation>Не відкривати</translation>
    </message>
    <message>
        <source>Replies for {name}: {new} new, {known} already opened before.</source>
        <translation>Відгуки для {name}: нових — {new}, уже відкритих раніше — {known}.</translation>
    </message>
    <message>
        <source>The methodist’s reply</source>
        <translation>Відгук методиста</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>New replies from the methodist ({n})</source>
        <translation>Нові відгуки методиста ({n})</translation>
    </message>
    <message>
        <source>Open a methodist’s reply</source>
        <translation>Відкрити відгук методиста</translation>
    </message>
    <message>
        <source>Methodist’s replies (*.etfeedback)</source>
        <translation>Відгуки методиста (*.etfeedback)</translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>The guide {path} cannot be read: {reason}</source>
        <translation>Не вдалося прочитати посібник {path}: {reason}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>HarvestPage</name>
    <message>
        <source>Common findings and agreements of the day…</source>
        <translation>Спільні висновки й домовленості дня…</translation>
    </message>
    <message>
        <source>◂ Table</source>
        <translation>◂ Стіл</translation>
    </message>
    <message>
        <source>Table ▸</source>
        <translation>Стіл ▸</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Усі столи</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>✎ Notes</source>
        <translation>✎ Нотатки</translation>
    </message>
    <message>
        <source>Export to Markdown…</source>
        <translation>Експорт у Markdown…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Експорт у PDF…</translation>
    </message>
    <message>
        <source>Harvest</source>
        <translation>Підсумки</translation>
    </message>
    <message>
        <source>{table} ({n} of {total})</source>
        <translation>{table} ({n} з {total})</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>My progress</source>
        <translation>Мій прогрес</translation>
    </message>
    <message>
        <source>{name}, you have finished {percent} of the course ({done} of {total} lessons, quizzes and walkthroughs).</source>
        <translation>{name}, ви пройшли {percent} курсу ({done} з {total} уроків, тестів і тренажерів).</translation>
    </message>
    <message>
        <source>Continue: {title} ▸</source>
        <translation>Продовжити: {title} ▸</translation>
    </message>
    <message>
        <source>%v of %m lessons</source>
        <translation>Уроків: %v з %m</translation>
    </message>
    <message>
        <source>Module progress</source>
        <translation>Прогрес модуля</translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation>✓ Пройдено</translation>
    </message>
    <message>
        <source>● In progress</source>
        <translation>● Розпочато</translation>
    </message>
    <message>
        <source>○ Not started</source>
        <translation>○ Не розпочато</translation>
    </message>
    <message>
        <source>{state} · about {minutes} min</source>
        <translation>{state} · близько {minutes} хв</translation>
    </message>
    <message>
        <source>Quiz: not taken yet</source>
        <translation>Тест: ще не проходили</translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation>✓ складено</translation>
    </message>
    <message>
        <source>not passed yet</source>
        <translation>ще не складено</translation>
    </message>
    <message>
        <source>Quiz: best result {score} — {mark}</source>
        <translation>Тест: найкращий результат {score} — {mark}</translation>
    </message>
    <message>
        <source>Walkthroughs passed: {passed} of {total}</source>
        <translation>Пройдено тренажерів: {passed} з {total}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Study ▸</source>
        <translation>Навчатися ▸</translation>
    </message>
    <message>
        <source>Open module {number}</source>
        <translation>Відкрити модуль {number}</translation>
    </message>
</context>
<context>
    <name>HotspotModel</name>
    <message>
        <source>Walkthrough</source>
        <translation>Тренажер</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Крок</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Помилок</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>Підказок</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Спроб</translation>
    </message>
</context>
<context>
    <name>ImportQuestionsDialog</name>
    <message>
        <source>Questions and problems in the file</source>
        <translation>Питання та проблеми у файлі</translation>
    </message>
    <message>
        <source>Import questions from Moodle</source>
        <translation>Імпорт питань з Moodle</translation>
    </message>
    <message>
        <source>Choose a question bank exported from Moodle: GIFT (.gift, .txt) or Moodle XML (.xml). Nothing is changed until you save.</source>
        <translation>Оберіть банк запитань, експортований з Moodle: GIFT (.gift, .txt) або Moodle XML (.xml). Нічого не зміниться, доки ви не збережете файл.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Обрати файл…</translation>
    </message>
    <message>
        <source>— no module (a course-level quiz) —</source>
        <translation>— без модуля (тест для всього курсу) —</translation>
    </message>
    <message>
        <source>Quiz id (a-z, 0-9, hyphens):</source>
        <translation>Ідентифікатор тесту (a-z, 0-9, дефіси):</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>Модуль:</translation>
    </message>
    <message>
        <source>Save as a quiz file…</source>
        <translation>Зберегти як файл тесту…</translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation>Банк запитань</translation>
    </message>
    <message>
        <source>Moodle question banks (*.gift *.txt *.xml)</source>
        <translation>Банки запитань Moodle (*.gift *.txt *.xml)</translation>
    </message>
    <message>
        <source>The file cannot be imported: {reason}</source>
        <translation>Не вдалося імпортувати файл: {reason}</translation>
    </message>
    <message>
        <source>{file}: questions understood: {n} ({counts}); not imported: {p}.</source>
        <translation>{file}: розпізнано питань: {n} ({counts}); не імпортовано: {p}.</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>рядок {line}: {message}</translation>
    </message>
    <message>
        <source>The quiz id may hold only small Latin letters, digits and hyphens.</source>
        <translation>Ідентифікатор тесту може містити лише малі латинські літери, цифри й дефіси.</translation>
    </message>
    <message>
        <source>Save the quiz file</source>
        <translation>Зберегти файл тесту</translation>
    </message>
    <message>
        <source>Quiz files (*.quiz.yaml)</source>
        <translation>Файли тестів (*.quiz.yaml)</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>Не вдалося записати {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ItemModel</name>
    <message>
        <source>Question</source>
        <translation>Питання</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Відповідей</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Легкість</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>Розрізнювальна здатність</translation>
    </message>
    <message>
        <source>{n} · small sample</source>
        <translation>{n} · мала вибірка</translation>
    </message>
    <message>
        <source>Only {n} answers: fewer than {small}, so facility and discrimination are not reliable yet.</source>
        <translation>Відповідей лише {n} — менше ніж {small}, тож легкість і дискримінація ще ненадійні.</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Unknown box type «{kind}»: it is shown as a note («Примітка»).</source>
        <translation>Невідомий тип блоку «{kind}»: його показано як примітку («Примітка»).</translation>
    </message>
    <message>
        <source>The glossary has no term «{key}»: it is shown as plain text.</source>
        <translation>У глосарії немає терміна «{key}»: його показано як звичайний текст.</translation>
    </message>
    <message>
        <source>The link {href} leads to no lesson of this course: it is shown as plain text.</source>
        <translation>Посилання {href} не веде до жодного уроку цього курсу: його показано як звичайний текст.</translation>
    </message>
    <message>
        <source>The link {href} was removed: lessons may link only to lessons, web pages and e-mail addresses.</source>
        <translation>Посилання {href} вилучено: уроки можуть посилатися лише на інші уроки, вебсторінки та адреси електронної пошти.</translation>
    </message>
    <message>
        <source>The picture {src} was removed: lessons may show only pictures from their course pack (images/…).</source>
        <translation>Зображення {src} вилучено: уроки можуть показувати лише зображення зі свого пакета курсу (images/…).</translation>
    </message>
    <message>
        <source>Lines nested more than {limit} levels deep (the first is line {line}) were flattened.</source>
        <translation>У рядках, вкладених глибше ніж на {limit} рівнів (перший — рядок {line}), зайві рівні вкладення прибрано.</translation>
    </message>
    <message>
        <source>Too many nested or unclosed brackets from line {line}: they are shown as typed, and links there do not work.</source>
        <translation>Забагато вкладених або незакритих дужок, починаючи з рядка {line}: їх показано так, як їх набрано, і посилання там не працюють.</translation>
    </message>
    <message>
        <source>Too many, too deeply nested or unclosed HTML tags: all HTML in this lesson is shown as plain text.</source>
        <translation>Забагато HTML-тегів, вони вкладені надто глибоко або не закриті: увесь HTML у цьому уроці показано як звичайний текст.</translation>
    </message>
    <message>
        <source>More than {limit} definitions without blank lines between them: they are shown as plain text.</source>
        <translation>Забагато визначень без порожніх рядків між ними (можна не більше ніж {limit}): їх показано як звичайний текст.</translation>
    </message>
    <message>
        <source>A very long paragraph with very much markup is shown as typed, without formatting.</source>
        <translation>Дуже довгий абзац із дуже великою кількістю розмітки показано так, як його набрано, без форматування.</translation>
    </message>
    <message>
        <source>Text nested more than {limit} levels deep (for example by emphasis) is shown as plain text.</source>
        <translation>Текст, вкладений глибше ніж на {limit} рівнів (наприклад, виділенням), показано як звичайний текст.</translation>
    </message>
</context>
<context>
    <name>LessonBrowser</name>
    <message>
        <source>Lesson text</source>
        <translation>Текст уроку</translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message>
        <source>Your note for this lesson (only you see it)…</source>
        <translation>Ваша нотатка до цього уроку (її бачите лише ви)…</translation>
    </message>
    <message>
        <source>Personal note</source>
        <translation>Особиста нотатка</translation>
    </message>
    <message>
        <source>✎ Note</source>
        <translation>✎ Нотатка</translation>
    </message>
    <message>
        <source>about {minutes} min · {position}</source>
        <translation>близько {minutes} хв · {position}</translation>
    </message>
    <message>
        <source>◂ Previous</source>
        <translation>◂ Попередній</translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation>Далі ▸</translation>
    </message>
    <message>
        <source>Course end</source>
        <translation>Кінець курсу</translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation>★ У закладках</translation>
    </message>
    <message>
        <source>☆ Bookmark</source>
        <translation>☆ Закладка</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Results</source>
        <translation>Результати</translation>
    </message>
    <message numerus="yes">
        <source>Search: “{query}” — %n result(s)</source>
        <translation>
            <numerusform>Пошук: «{query}» — %n результат</numerusform>
            <numerusform>Пошук: «{query}» — %n результати</numerusform>
            <numerusform>Пошук: «{query}» — %n результатів</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found. Try a shorter word.</source>
        <translation>Нічого не знайдено. Спробуйте коротше слово.</translation>
    </message>
    <message>
        <source>My bookmarks</source>
        <translation>Мої закладки</translation>
    </message>
    <message>
        <source>No bookmarks yet: press «☆ Bookmark» under a lesson.</source>
        <translation>Закладок поки немає: натисніть «☆ Закладка» під уроком.</translation>
    </message>
    <message>
        <source>Course problems</source>
        <translation>Проблеми курсу</translation>
    </message>
    <message>
        <source>No problems found in the course.</source>
        <translation>У курсі не знайдено проблем.</translation>
    </message>
</context>
<context>
    <name>LrsSendDialog</name>
    <message>
        <source>Send to an LRS</source>
        <translation>Надіслати до LRS</translation>
    </message>
    <message>
        <source>The workspace&apos;s records go to the Learning Record Store as xAPI statements. Statements sent before are not sent again.</source>
        <translation>Записи робочого простору буде надіслано до сховища навчальних записів (LRS) як твердження xAPI. Те, що вже надсилали, повторно не надсилається.</translation>
    </message>
    <message>
        <source>LRS address:</source>
        <translation>Адреса LRS:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Користувач:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>The password is kept only until eTrainer is closed.</source>
        <translation>Пароль зберігається лише до закриття Е-тренера.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Type the LRS address and the user name.</source>
        <translation>Уведіть адресу LRS та ім’я користувача.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Надсилання…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Зупиняємо після поточної порції…</translation>
    </message>
    <message>
        <source>{sent} sent, {already} were in the LRS already, {before} sent earlier.</source>
        <translation>надіслано: {sent}, уже були в LRS: {already}, надіслано раніше: {before}.</translation>
    </message>
    <message>
        <source>Sending was cancelled: {counts} The rest goes next time.</source>
        <translation>Надсилання скасовано: {counts} Решту буде надіслано наступного разу.</translation>
    </message>
    <message>
        <source>Done: {counts}</source>
        <translation>Готово: {counts}</translation>
    </message>
    <message>
        <source>Sending stopped: {reason} What was sent stays noted.</source>
        <translation>Надсилання зупинено: {reason} Те, що встигли надіслати, позначено.</translation>
    </message>
</context>
<context>
    <name>LrsStatus</name>
    <message>
        <source>Send to the LRS</source>
        <translation>Надіслати до LRS</translation>
    </message>
    <message>
        <source>The password of {user} at {endpoint} (it is kept only until Е-тренер closes):</source>
        <translation>Пароль користувача {user} для {endpoint} (його памʼятають лише до закриття Е-тренера):</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
    <message>
        <source>Automatic sending to the LRS stopped: {reason} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</source>
        <translation>Автоматичне надсилання до LRS зупинено: {reason} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Надіслати ще раз</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) wait to be sent to {endpoint} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</source>
        <translation>
            <numerusform>%n запис чекає надсилання до {endpoint} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</numerusform>
            <numerusform>%n записи чекають надсилання до {endpoint} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</numerusform>
            <numerusform>%n записів чекають надсилання до {endpoint} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>LRS: sending… (sent {sent}, waiting {waiting})</source>
        <translation>LRS: надсилання… (надіслано {sent}, чекає {waiting})</translation>
    </message>
    <message>
        <source>LRS {endpoint} does not answer: sent {sent}, waiting {waiting}, next try at {time} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</source>
        <translation>LRS {endpoint} не відповідає: надіслано {sent}, чекає {waiting}, наступна спроба о {time} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Спробувати зараз</translation>
    </message>
    <message>
        <source>LRS: sent {sent}, waiting {waiting}</source>
        <translation>LRS: надіслано {sent}, чекає {waiting}</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Add a course from a file or folder…</source>
        <translation>Додати курс із файлу або папки…</translation>
    </message>
    <message>
        <source>Import questions from Moodle (GIFT, XML)…</source>
        <translation>Імпортувати питання з Moodle (GIFT, XML)…</translation>
    </message>
    <message>
        <source>Export a quiz to GIFT…</source>
        <translation>Експортувати тест у GIFT…</translation>
    </message>
    <message>
        <source>Open a methodist&apos;s reply…</source>
        <translation>Відкрити відгук методиста…</translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace…</source>
        <translation>Робочий простір методиста…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Налаштування…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Профіль</translation>
    </message>
    <message>
        <source>Export for the methodist…</source>
        <translation>Експорт для методиста…</translation>
    </message>
    <message>
        <source>My consultations…</source>
        <translation>Мої консультації…</translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation>Перемкнути профіль…</translation>
    </message>
    <message>
        <source>Edit my profile…</source>
        <translation>Редагувати мій профіль…</translation>
    </message>
    <message>
        <source>Delete my profile…</source>
        <translation>Видалити мій профіль…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Збільшити</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Зменшити</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>Звичайний розмір</translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation>Пошук у курсі</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Закладки</translation>
    </message>
    <message>
        <source>Course problems</source>
        <translation>Проблеми курсу</translation>
    </message>
    <message>
        <source>Review deck</source>
        <translation>Повторення</translation>
    </message>
    <message>
        <source>&amp;Classroom</source>
        <translation>&amp;Заняття</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>Welcome tour</source>
        <translation>Знайомство з програмою</translation>
    </message>
    <message>
        <source>Librarian&apos;s guide</source>
        <translation>Посібник бібліотекаря</translation>
    </message>
    <message>
        <source>Trainer&apos;s guide</source>
        <translation>Посібник тренера</translation>
    </message>
    <message>
        <source>Methodist&apos;s guide</source>
        <translation>Посібник методиста</translation>
    </message>
    <message>
        <source>Course author&apos;s guide</source>
        <translation>Посібник автора курсу</translation>
    </message>
    <message>
        <source>About Е-тренер</source>
        <translation>Про Е-тренер</translation>
    </message>
    <message>
        <source>Saved {path}. Put it into a course folder and add the course to use it.</source>
        <translation>Збережено {path}. Щоб скористатися ним, покладіть файл у папку курсу й додайте курс.</translation>
    </message>
    <message>
        <source>This course has no quizzes.</source>
        <translation>У цьому курсі немає тестів.</translation>
    </message>
    <message>
        <source>Export a quiz to GIFT</source>
        <translation>Експортувати тест у GIFT</translation>
    </message>
    <message>
        <source>Quiz:</source>
        <translation>Тест:</translation>
    </message>
    <message>
        <source>Save as GIFT</source>
        <translation>Зберегти як GIFT</translation>
    </message>
    <message>
        <source>GIFT files (*.gift)</source>
        <translation>Файли GIFT (*.gift)</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>Не вдалося записати {path}: {reason}</translation>
    </message>
    <message>
        <source>Exported to {path}; questions GIFT cannot hold: {n}.</source>
        <translation>Експортовано в {path}; питань, яких не підтримує формат GIFT: {n}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Profile: {name}</source>
        <translation>Профіль: {name}</translation>
    </message>
    <message>
        <source>Е-тренер</source>
        <translation>Е-тренер</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Головна панель інструментів</translation>
    </message>
    <message>
        <source>⌂ My progress</source>
        <translation>⌂ Мій прогрес</translation>
    </message>
    <message>
        <source>Continue ▸</source>
        <translation>Продовжити ▸</translation>
    </message>
    <message>
        <source>Open the lesson where you stopped</source>
        <translation>Відкрити урок, на якому ви зупинилися</translation>
    </message>
    <message>
        <source>Questions you got wrong come back here until you know them</source>
        <translation>Питання, на які ви відповіли неправильно, повертаються сюди, доки ви їх не засвоїте</translation>
    </message>
    <message>
        <source>Search the course…</source>
        <translation>Пошук у курсі…</translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation>Пошук у курсі</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профіль</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Review ({n})</source>
        <translation>Повторення ({n})</translation>
    </message>
    <message>
        <source>Saving works again.</source>
        <translation>Збереження знову працює.</translation>
    </message>
    <message>
        <source>+ Consultation</source>
        <translation>+ Консультація</translation>
    </message>
    <message>
        <source>Record a consultation at the desk (Ctrl+K)</source>
        <translation>Записати консультацію відвідувача (Ctrl+K)</translation>
    </message>
    <message>
        <source>Still not saving. The message above says what to do.</source>
        <translation>Прогрес досі не зберігається. Що робити — написано у повідомленні вгорі.</translation>
    </message>
    <message>
        <source>My course: {percent}</source>
        <translation>Мій курс: {percent}</translation>
    </message>
    <message>
        <source>Choose your profile first: your answers are kept in it.</source>
        <translation>Спершу оберіть свій профіль: у ньому зберігаються ваші відповіді.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Повторення</translation>
    </message>
    <message>
        <source>Nothing to review today. Questions you answer wrong in a quiz come back here on later days.</source>
        <translation>Сьогодні повторювати нічого. Питання, на які ви неправильно відповіли в тесті, повернуться сюди в наступні дні.</translation>
    </message>
    <message>
        <source>lesson {n} of {total}</source>
        <translation>урок {n} з {total}</translation>
    </message>
    <message>
        <source>The lesson “{title}” cannot be shown: {reason}</source>
        <translation>Урок «{title}» не вдалося показати: {reason}</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Без профілю</translation>
    </message>
    <message>
        <source>Е-тренер — {name}</source>
        <translation>Е-тренер — {name}</translation>
    </message>
    <message>
        <source>Open this address in your web browser?

{url}

It is outside Е-тренер and needs the Internet.</source>
        <translation>Відкрити цю адресу в браузері?

{url}

Ця сторінка не належить до Е-тренера, і для неї потрібен Інтернет.</translation>
    </message>
    <message>
        <source>Open a web page</source>
        <translation>Відкрити вебсторінку</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message numerus="yes">
        <source>⚠ The course has %n problem(s); the rest of it works.</source>
        <translation>
            <numerusform>⚠ У курсі є %n проблема; усе інше працює.</numerusform>
            <numerusform>⚠ У курсі є %n проблеми; усе інше працює.</numerusform>
            <numerusform>⚠ У курсі є %n проблем; усе інше працює.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Librarian</source>
        <extracomment>Item statistics from fewer answers than this are flagged «мала вибірка».</extracomment>
        <translation>Бібліотекар</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Бібліотека</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>Module {n}</source>
        <translation>Модуль {n}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>пройдено</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в процесі</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не розпочато</translation>
    </message>
    <message>
        <source>{state}: {done}. Lessons read: {read} of {total}; best quiz result: {score}; walkthroughs passed: {passed} of {all}</source>
        <translation>{state}: {done}. Прочитано уроків: {read} з {total}; найкращий результат тесту: {score}; пройдено тренажерів: {passed} з {all}</translation>
    </message>
</context>
<context>
    <name>MemoPrinting</name>
    <message>
        <source>Print the memo</source>
        <translation>Друк памʼятки</translation>
    </message>
    <message>
        <source>Print all memos</source>
        <translation>Друк усіх памʼяток</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>Hosts&apos; notes</source>
        <translation>Нотатки господарів столів</translation>
    </message>
    <message>
        <source>Key ideas of each table, in the hosts&apos; words — no visitors&apos; personal data.</source>
        <translation>Головні ідеї кожного столу словами господарів — без персональних даних відвідувачів.</translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation>◂ Назад</translation>
    </message>
    <message>
        <source>Round {n}</source>
        <translation>Раунд {n}</translation>
    </message>
</context>
<context>
    <name>OrderingAnswer</name>
    <message>
        <source>Put the steps in order</source>
        <translation>Розставте кроки в правильному порядку</translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation>▲ Вище</translation>
    </message>
    <message>
        <source>▼ Down</source>
        <translation>▼ Нижче</translation>
    </message>
    <message>
        <source>Move the chosen step up (Alt+↑)</source>
        <translation>Перемістити вибраний крок вище (Alt+↑)</translation>
    </message>
    <message>
        <source>Move the chosen step down (Alt+↓)</source>
        <translation>Перемістити вибраний крок нижче (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <source>Rows 1–{shown} of {total}; more in a taller window.</source>
        <translation>Рядки 1–{shown} з {total}; решта — у вищому вікні.</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <source>TRAINING SIMULATOR · fictional portal «{name}» · never enter real data</source>
        <translation>НАВЧАЛЬНИЙ ТРЕНАЖЕР · вигаданий портал «{name}» · не вводьте реальних даних</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.РРРР</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— оберіть —</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Прикріпити файл</translation>
    </message>
    <message>
        <source>up to {kb} KB</source>
        <translation>до {kb} КБ</translation>
    </message>
    <message>
        <source>Choose the file (a simulated file window):</source>
        <translation>Оберіть файл (це імітація вікна вибору файлу):</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Прикріпити</translation>
    </message>
    <message>
        <source>Qualified e-signature (simulated)</source>
        <translation>Кваліфікований електронний підпис (імітація)</translation>
    </message>
    <message>
        <source>— choose the key file —</source>
        <translation>— оберіть файл ключа —</translation>
    </message>
    <message>
        <source>Certificate: {owner}; issued by {issuer}; valid {start} – {end}; № {serial}</source>
        <translation>Сертифікат: {owner}; видавець: {issuer}; чинний {start} – {end}; № {serial}</translation>
    </message>
    <message>
        <source>Read the key and sign</source>
        <translation>Зчитати ключ і підписати</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Файл ключа:</translation>
    </message>
    <message>
        <source>Key password:</source>
        <translation>Пароль ключа:</translation>
    </message>
    <message>
        <source>Payment (simulated)</source>
        <translation>Оплата (імітація)</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сума:</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Отримувач:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Призначення платежу:</translation>
    </message>
    <message>
        <source>Card number:</source>
        <translation>Номер картки:</translation>
    </message>
    <message>
        <source>Expiry (MM/YY):</source>
        <translation>Термін дії (ММ/РР):</translation>
    </message>
    <message>
        <source>CVV:</source>
        <translation>CVV:</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Сплатити</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Number: {number}</source>
        <translation>Номер: {number}</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Presentation: {title}</source>
        <translation>Презентація: {title}</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Presenter view</source>
        <translation>Вікно доповідача</translation>
    </message>
    <message>
        <source>Current slide</source>
        <translation>Поточний слайд</translation>
    </message>
    <message>
        <source>Next slide</source>
        <translation>Наступний слайд</translation>
    </message>
    <message>
        <source>End of the presentation</source>
        <translation>Кінець презентації</translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation>Нотатки доповідача</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далі</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>End the show</source>
        <translation>Завершити показ</translation>
    </message>
    <message>
        <source>Black screen</source>
        <translation>Чорний екран</translation>
    </message>
    <message>
        <source>White screen</source>
        <translation>Білий екран</translation>
    </message>
    <message>
        <source>Restart the clock</source>
        <translation>Скинути таймер</translation>
    </message>
    <message>
        <source>Keys: → Space PageDown next; ← PageUp previous; Home, End; B black screen; W white screen; S presenter view; Esc end the show.</source>
        <translation>Клавіші: → Пробіл PageDown — далі; ← PageUp — назад; Home, End; B — чорний екран; W — білий екран; S — вікно доповідача; Esc — завершити показ.</translation>
    </message>
    <message>
        <source>Slide {slide} of {count} · page {page} of {pages}</source>
        <translation>Слайд {slide} з {count} · сторінка {page} з {pages}</translation>
    </message>
    <message>
        <source>Slide {slide} of {count}</source>
        <translation>Слайд {slide} з {count}</translation>
    </message>
    <message>
        <source>The screen is black</source>
        <translation>Екран чорний</translation>
    </message>
    <message>
        <source>The screen is white</source>
        <translation>Екран білий</translation>
    </message>
    <message>
        <source>No speaker notes for this slide.</source>
        <translation>До цього слайда немає нотаток доповідача.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Who is studying?</source>
        <translation>Хто навчається?</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Профілі</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>Start studying</source>
        <translation>Почати навчання</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Новий профіль…</translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace</source>
        <translation>Робочий простір методиста</translation>
    </message>
    <message>
        <source>Collect the librarians&apos; progress files and see the results</source>
        <translation>Зібрати файли прогресу бібліотекарів і переглянути результати</translation>
    </message>
    <message>
        <source>Choose your profile. Each librarian on this computer has her own progress, bookmarks and notes.</source>
        <translation>Оберіть свій профіль. Кожен, хто навчається на цьому компʼютері, має власні прогрес, закладки й нотатки.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Новий профіль</translation>
    </message>
    <message>
        <source>Your name is only stored on this computer and in the progress files you choose to send to your methodist.</source>
        <translation>Ваше імʼя зберігається лише на цьому компʼютері та у файлах прогресу, які ви самі вирішите надіслати методистові.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Створити профіль</translation>
    </message>
    <message>
        <source> (PIN)</source>
        <translation> (з PIN-кодом)</translation>
    </message>
    <message>
        <source>The PIN is not right. Try again.</source>
        <translation>Неправильний PIN-код. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN twice.</source>
        <translation>PIN-коди не збігаються. Введіть той самий PIN-код двічі.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>e.g. Марта Коваль</source>
        <translation>наприклад, Марта Коваль</translation>
    </message>
    <message>
        <source>e.g. Бібліотека-філія № 3</source>
        <translation>наприклад, Бібліотека-філія № 3</translation>
    </message>
    <message>
        <source>e.g. бібліотекар I категорії</source>
        <translation>наприклад, бібліотекар I категорії</translation>
    </message>
    <message>
        <source>4–8 digits, or leave empty</source>
        <translation>4–8 цифр або залиште порожнім</translation>
    </message>
    <message>
        <source>Name and surname:</source>
        <translation>Імʼя та прізвище:</translation>
    </message>
    <message>
        <source>Library or branch:</source>
        <translation>Бібліотека або філія:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Посада:</translation>
    </message>
    <message>
        <source>PIN (optional):</source>
        <translation>PIN-код (необовʼязково):</translation>
    </message>
    <message>
        <source>PIN again:</source>
        <translation>PIN-код ще раз:</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Перегляд в:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлів:</translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>True</source>
        <translation>Правда</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Неправда</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Немає відповіді</translation>
    </message>
    <message>
        <source>This is not a number.</source>
        <translation>Це не число. Введіть число.</translation>
    </message>
    <message>
        <source>Type only a number, without words: for example 14, 14,5 or 14.5.</source>
        <translation>Введіть лише число, без слів: наприклад 14, 14,5 або 14.5.</translation>
    </message>
    <message>
        <source>The marked area of the picture</source>
        <translation>Позначена ділянка зображення</translation>
    </message>
    <message>
        <source>A click at ({x}, {y})</source>
        <translation>Натискання в точці ({x}, {y})</translation>
    </message>
    <message>
        <source>Write at least {min} words (now {words}).</source>
        <translation>Напишіть щонайменше {min} слів (зараз {words}).</translation>
    </message>
    <message>
        <source>Write at most {max} words (now {words}).</source>
        <translation>Напишіть щонайбільше {max} слів (зараз {words}).</translation>
    </message>
    <message>
        <source>Write your answer first.</source>
        <translation>Спершу напишіть відповідь.</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>A click on the picture</source>
        <translation>Натискання на зображенні</translation>
    </message>
    <message>
        <source>gap [{n}]: {answer}</source>
        <translation>пропуск [{n}]: {answer}</translation>
    </message>
    <message>
        <source>gap [{n}]</source>
        <translation>пропуск [{n}]</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— оберіть —</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Правда</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Неправда</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>Введіть число</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>Введіть свою відповідь</translation>
    </message>
    <message>
        <source>Gap {n}:</source>
        <translation>Пропуск {n}:</translation>
    </message>
    <message>
        <source>The picture for this question is missing.</source>
        <translation>Бракує зображення до цього питання.</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Правильно</translation>
    </message>
    <message>
        <source>Partly right: {score}</source>
        <translation>Частково правильно: {score}</translation>
    </message>
    <message>
        <source>Not right</source>
        <translation>Неправильно</translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation>Правильна відповідь:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Джерело:</translation>
    </message>
    <message>
        <source>Continue where I stopped ▸</source>
        <translation>Продовжити з місця зупинки ▸</translation>
    </message>
    <message>
        <source>◂ Back to the course</source>
        <translation>◂ До курсу</translation>
    </message>
    <message>
        <source>◂ Previous</source>
        <translation>◂ Попереднє</translation>
    </message>
    <message>
        <source>Finish the quiz</source>
        <translation>Завершити тест</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Спробувати ще раз</translation>
    </message>
    <message>
        <source>Questions: {n}</source>
        <translation>Питань: {n}</translation>
    </message>
    <message>
        <source>Pass mark: {mark}</source>
        <translation>Прохідний бал: {mark}</translation>
    </message>
    <message>
        <source>Time limit: {n} min</source>
        <translation>Обмеження часу: {n} хв</translation>
    </message>
    <message>
        <source>Feedback after each question</source>
        <translation>Відповідь перевіряється одразу після кожного питання</translation>
    </message>
    <message>
        <source>Feedback at the end of the quiz</source>
        <translation>Відповіді перевіряються наприкінці тесту</translation>
    </message>
    <message>
        <source>Attempts left: {n} of {limit}</source>
        <translation>Залишилося спроб: {n} з {limit}</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ Складено</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>Ще не складено</translation>
    </message>
    <message>
        <source>Your best result: {score} — {mark}</source>
        <translation>Ваш найкращий результат: {score} — {mark}</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Почати знову</translation>
    </message>
    <message>
        <source>Start the quiz ▸</source>
        <translation>Почати тест ▸</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Повторення</translation>
    </message>
    <message>
        <source>{title} · question {n} of {total}</source>
        <translation>{title} · питання {n} з {total}</translation>
    </message>
    <message>
        <source>{title} · page {n} of {total}</source>
        <translation>{title} · сторінка {n} з {total}</translation>
    </message>
    <message>
        <source>See the results ▸</source>
        <translation>Результати ▸</translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation>Далі ▸</translation>
    </message>
    <message>
        <source>Check the answer</source>
        <translation>Перевірити відповідь</translation>
    </message>
    <message>
        <source>Finish ▸</source>
        <translation>Завершити ▸</translation>
    </message>
    <message>
        <source>Questions without an answer: {n}. They will count as wrong. Finish anyway?</source>
        <translation>Питань без відповіді: {n}. Їх буде зараховано як неправильні. Усе одно завершити?</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Завершити</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Повернутися</translation>
    </message>
    <message>
        <source>◷ {m}:{s:02d} left</source>
        <translation>◷ Залишилося {m}:{s:02d}</translation>
    </message>
    <message>
        <source>Review finished</source>
        <translation>Повторення завершено</translation>
    </message>
    <message>
        <source>Right: {right} of {total}. Questions answered wrong come back tomorrow; right ones come back later, until you know them.</source>
        <translation>Правильно: {right} з {total}. Питання з неправильною відповіддю повернуться завтра, а з правильною — пізніше, доки ви їх не засвоїте.</translation>
    </message>
    <message>
        <source>✗ Not passed</source>
        <translation>✗ Не складено</translation>
    </message>
    <message>
        <source>Your result: {score} (pass mark {mark}) — {verdict}</source>
        <translation>Ваш результат: {score} (прохідний бал {mark}) — {verdict}</translation>
    </message>
    <message numerus="yes">
        <source>Automatic score only; %n answer(s) under review</source>
        <translation>
            <numerusform>Це автоматична оцінка; %n відповідь на перевірці</numerusform>
            <numerusform>Це автоматична оцінка; %n відповіді на перевірці</numerusform>
            <numerusform>Це автоматична оцінка; %n відповідей на перевірці</numerusform>
        </translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation>Ваші відповіді</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Немає відповіді</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>Ваша відповідь:</translation>
    </message>
</context>
<context>
    <name>QuizSetupPage</name>
    <message>
        <source>Classroom quiz</source>
        <translation>Тест для групи</translation>
    </message>
    <message numerus="yes">
        <source>{title} (%n question(s))</source>
        <translation>
            <numerusform>{title} (%n питання)</numerusform>
            <numerusform>{title} (%n питання)</numerusform>
            <numerusform>{title} (%n питань)</numerusform>
        </translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Count raised hands for each option</source>
        <translation>Рахувати підняті руки за кожен варіант</translation>
    </message>
    <message>
        <source>Give points to teams</source>
        <translation>Нараховувати бали командам</translation>
    </message>
    <message>
        <source>Team {n}</source>
        <translation>Команда {n}</translation>
    </message>
    <message>
        <source>One team a line</source>
        <translation>Одна команда в рядку</translation>
    </message>
    <message>
        <source>Only single-choice, multiple-choice and true/false questions are used: the room answers by raising hands.</source>
        <translation>Беруться лише питання з однією чи кількома правильними відповідями та «правда/неправда»: група відповідає, піднімаючи руки.</translation>
    </message>
    <message>
        <source>Voting from phones (over this computer&apos;s Wi-Fi network)</source>
        <translation>Голосування з телефонів (через Wi-Fi, до якого підʼєднано цей компʼютер)</translation>
    </message>
    <message>
        <source>The network the phones join: this computer&apos;s address on it</source>
        <translation>Мережа, до якої підʼєднуються телефони: адреса цього компʼютера в ній</translation>
    </message>
    <message>
        <source>Quiz:</source>
        <translation>Тест:</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>Питань:</translation>
    </message>
    <message>
        <source>Time to vote:</source>
        <translation>Час на голосування:</translation>
    </message>
    <message>
        <source>Tally:</source>
        <translation>Підрахунок:</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>Команди:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>Start ▸</source>
        <translation>Почати ▸</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>This course has no questions the room can answer by raising hands.</source>
        <translation>У цьому курсі немає питань, на які група може відповісти, піднімаючи руки.</translation>
    </message>
    <message>
        <source>{address} (this computer only, for a try)</source>
        <translation>{address} (лише цей компʼютер, для проби)</translation>
    </message>
    <message>
        <source>Type at least one team name, one a line.</source>
        <translation>Введіть назву хоча б однієї команди (по одній у рядку).</translation>
    </message>
</context>
<context>
    <name>QuizViewModel</name>
    <message>
        <source>Not saved: this step was not recorded. See the message at the top of the window.</source>
        <translation>Не збережено: цей крок не записано. Дивіться повідомлення вгорі вікна.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Who works here?</source>
        <translation>Хто тут працює?</translation>
    </message>
    <message>
        <source>Who will use Е-тренер on this computer?</source>
        <translation>Хто працюватиме з Е-тренером на цьому компʼютері?</translation>
    </message>
    <message>
        <source>Е-тренер opens where your work is. You can change this later in Settings.</source>
        <translation>Е-тренер відкриється там, де ваша робота. Змінити це можна згодом у «Налаштуваннях».</translation>
    </message>
    <message>
        <source>I am a librarian: I study the course and help visitors</source>
        <translation>Я бібліотекар: навчаюся за курсом і допомагаю відвідувачам</translation>
    </message>
    <message>
        <source>I am a trainer: I teach a group with a projector</source>
        <translation>Я тренер: навчаю групу з проєктором</translation>
    </message>
    <message>
        <source>I am a methodist: I collect the librarians&apos; progress files</source>
        <translation>Я методист: збираю файли прогресу бібліотекарів</translation>
    </message>
    <message>
        <source>Librarian</source>
        <translation>Бібліотекар</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Тренер</translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation>Методист</translation>
    </message>
</context>
<context>
    <name>RotationPage</name>
    <message>
        <source>✎ Hosts&apos; notes</source>
        <translation>✎ Нотатки господарів</translation>
    </message>
    <message>
        <source>Harvest ▸</source>
        <translation>Підсумки ▸</translation>
    </message>
    <message>
        <source>Time! Round {n} of {total} is over.</source>
        <translation>Час! Раунд {n} з {total} завершено.</translation>
    </message>
    <message>
        <source>Round {n}:</source>
        <translation>Раунд {n}:</translation>
    </message>
    <message>
        <source>Start round {n} ▸</source>
        <translation>Почати раунд {n} ▸</translation>
    </message>
</context>
<context>
    <name>SaveBanner</name>
    <message>
        <source>Retry</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <source>Saving fails</source>
        <translation>Збереження не працює</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>The walkthrough is finished.</source>
        <translation>Тренажер пройдено.</translation>
    </message>
    <message>
        <source>Finish the steps first; the safety checklist comes at the end.</source>
        <translation>Спершу виконайте всі кроки; чек-лист безпеки — наприкінці.</translation>
    </message>
    <message>
        <source>Now go through the safety checklist.</source>
        <translation>Тепер пройдіть чек-лист безпеки.</translation>
    </message>
    <message>
        <source>This is not on the current page.</source>
        <translation>Цього немає на поточній сторінці.</translation>
    </message>
    <message>
        <source>This cannot be done with this element.</source>
        <translation>З цим елементом так зробити не можна.</translation>
    </message>
    <message>
        <source>First answer the visitor.</source>
        <translation>Спершу дайте відповідь відвідувачеві.</translation>
    </message>
    <message>
        <source>This is not the expected action.</source>
        <translation>Зараз потрібна інша дія.</translation>
    </message>
    <message>
        <source>Hints are not available in Test mode.</source>
        <translation>У режимі «Тест» підказок немає.</translation>
    </message>
    <message>
        <source>Fill in this field.</source>
        <translation>Заповніть це поле.</translation>
    </message>
    <message>
        <source>The portal does not accept this value. Check it against the visitor&apos;s card.</source>
        <translation>Портал не приймає це значення. Звірте його з карткою відвідувача.</translation>
    </message>
    <message>
        <source>Enter the date as DD.MM.YYYY, for example 05.03.1990.</source>
        <translation>Введіть дату у форматі ДД.ММ.РРРР, наприклад 05.03.1990.</translation>
    </message>
    <message>
        <source>This date cannot be chosen here.</source>
        <translation>Цю дату тут обрати не можна.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Оберіть один із варіантів.</translation>
    </message>
    <message>
        <source>A checkbox is either ticked or not.</source>
        <translation>Прапорець можна лише позначити або зняти.</translation>
    </message>
    <message>
        <source>Choose one of the files offered.</source>
        <translation>Оберіть один із запропонованих файлів.</translation>
    </message>
    <message>
        <source>The portal accepts only these file types: {types}.</source>
        <translation>Портал приймає лише такі типи файлів: {types}.</translation>
    </message>
    <message>
        <source>The file is too large: the portal accepts up to {max_kb} KB.</source>
        <translation>Файл завеликий: портал приймає файли до {max_kb} КБ.</translation>
    </message>
    <message>
        <source>Choose the key file.</source>
        <translation>Оберіть файл ключа.</translation>
    </message>
    <message>
        <source>Enter the password of the key.</source>
        <translation>Введіть пароль до ключа.</translation>
    </message>
    <message>
        <source>The password does not fit this key.</source>
        <translation>Цей пароль не підходить до ключа.</translation>
    </message>
    <message>
        <source>Check the card number: this training portal takes only the test card.</source>
        <translation>Перевірте номер картки: цей навчальний портал приймає лише тестову картку.</translation>
    </message>
    <message>
        <source>Check the card&apos;s expiry date (MM/YY).</source>
        <translation>Перевірте термін дії картки (ММ/РР).</translation>
    </message>
    <message>
        <source>Check the three-digit code on the back of the test card.</source>
        <translation>Перевірте тризначний код на звороті тестової картки.</translation>
    </message>
    <message>
        <source>This part of the page cannot be changed.</source>
        <translation>Цю частину сторінки змінити не можна.</translation>
    </message>
</context>
<context>
    <name>ServerLogin</name>
    <message>
        <source>Password of the user {user} on the server {server} (asked once per session, never saved):</source>
        <translation>Пароль користувача {user} на сервері {server} (запитується раз за сеанс, не зберігається):</translation>
    </message>
    <message>
        <source>The server did not accept the password.</source>
        <translation>Сервер не прийняв пароль.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Мова інтерфейсу</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Світла</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Висока контрастність</translation>
    </message>
    <message>
        <source>Projector (very large text)</source>
        <translation>Проєктор (дуже великий текст)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Who works here</source>
        <translation>Хто тут працює</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Вигляд</translation>
    </message>
    <message>
        <source>I work as:</source>
        <translation>Я працюю як:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>A new language takes effect when Е-тренер starts again.</source>
        <translation>Нова мова запрацює після перезапуску Е-тренера.</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>вбудований</translation>
    </message>
    <message>
        <source>added</source>
        <translation>доданий</translation>
    </message>
    <message>
        <source>Course:</source>
        <translation>Курс:</translation>
    </message>
    <message>
        <source>Another course opens when Е-тренер starts again. Progress in each course is kept.</source>
        <translation>Інший курс відкриється, коли Е-тренер запуститься знову. Прогрес у кожному курсі зберігається.</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ваші дані</translation>
    </message>
    <message>
        <source>Progress, profiles and backups are kept in:
{path}</source>
        <translation>Прогрес, профілі та резервні копії зберігаються тут:
{path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Відкрити папку</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервні копії</translation>
    </message>
    <message>
        <source>Make a backup now</source>
        <translation>Створити резервну копію зараз</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>Відновити вибрану резервну копію…</translation>
    </message>
    <message>
        <source>Automatic backups (newest first):</source>
        <translation>Автоматичні резервні копії (спершу найновіші):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace</source>
        <translation>Робочий простір методиста</translation>
    </message>
    <message>
        <source>On this computer (a file in the data folder)</source>
        <translation>На цьому компʼютері (файл у папці даних)</translation>
    </message>
    <message>
        <source>On a database server (PostgreSQL)</source>
        <translation>На сервері бази даних (PostgreSQL)</translation>
    </message>
    <message>
        <source>Several methodists can share one workspace on a server.</source>
        <translation>Один робочий простір на сервері можуть спільно використовувати кілька методистів.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База даних</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Імʼя користувача</translation>
    </message>
    <message>
        <source>Service name (optional)</source>
        <translation>Назва служби (необовʼязково)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>База даних:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Імʼя користувача:</translation>
    </message>
    <message>
        <source>Service name (optional):</source>
        <translation>Назва служби (необовʼязково):</translation>
    </message>
    <message>
        <source>The password is never saved: Е-тренер asks for it once per session, unless the PostgreSQL password file (PGPASSFILE, ~/.pgpass) or service file gives it.</source>
        <translation>Пароль ніколи не зберігається: Е-тренер запитує його раз за сеанс, якщо його не дає файл паролів PostgreSQL (PGPASSFILE, ~/.pgpass) чи файл служб.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Перевірити зʼєднання</translation>
    </message>
    <message>
        <source>The workspace window opens it the next time it is opened.</source>
        <translation>Вікно робочого простору відкриє його, коли його відкриють наступного разу.</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Зʼєднання з {server}…</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version} at {server}.</source>
        <translation>Зʼєднано: PostgreSQL {version} на {server}.</translation>
    </message>
    <message>
        <source>Not tested: no password was given.</source>
        <translation>Не перевірено: пароль не введено.</translation>
    </message>
    <message>
        <source>Not connected. {reason}</source>
        <translation>Не зʼєднано. {reason}</translation>
    </message>
    <message>
        <source>Learning record store (LRS)</source>
        <translation>Сховище навчальних записів (LRS)</translation>
    </message>
    <message>
        <source>LRS address</source>
        <translation>Адреса LRS</translation>
    </message>
    <message>
        <source>LRS user</source>
        <translation>Користувач LRS</translation>
    </message>
    <message>
        <source>Your progress can also be sent to a learning record store, if your library system runs one. Leave the address empty to send nothing: then Е-тренер never connects anywhere.</source>
        <translation>Ваш поступ можна також надсилати до сховища навчальних записів, якщо його має ваша бібліотечна система. Залиште адресу порожньою, щоб нічого не надсилати: тоді Е-тренер нікуди не зʼєднується.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Користувач:</translation>
    </message>
    <message>
        <source>The password is not saved: Е-тренер asks for it the first time you send after it starts and keeps it only in memory until it closes.</source>
        <translation>Пароль не зберігається: Е-тренер питає його під час першого надсилання після запуску й тримає лише в памʼяті, доки не закриється.</translation>
    </message>
    <message>
        <source>Save the LRS settings</source>
        <translation>Зберегти налаштування LRS</translation>
    </message>
    <message>
        <source>No LRS: nothing is sent anywhere.</source>
        <translation>LRS немає: нічого нікуди не надсилається.</translation>
    </message>
    <message>
        <source>Saved. Send your progress from «Export for the methodist».</source>
        <translation>Збережено. Надсилайте поступ з вікна «Експорт для методиста».</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>автоматична</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>зроблена вручну</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>перед оновленням</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>перед відновленням</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <source>Settings (not saved: {reason})</source>
        <translation>Налаштування (не збережено: {reason})</translation>
    </message>
    <message>
        <source>Settings (backup failed: {reason})</source>
        <translation>Налаштування (резервну копію не створено: {reason})</translation>
    </message>
    <message>
        <source>Replace the current progress with this backup? The current state is saved as a backup first, so nothing is lost.</source>
        <translation>Замінити поточний прогрес даними з цієї резервної копії? Поточний стан спершу буде збережено як резервну копію, тож нічого не загубиться.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Відновлення з резервної копії</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Відновити</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>SlideLayout</name>
    <message>
        <source>After this lesson you will be able to:</source>
        <translation>Після цього уроку ви зможете:</translation>
    </message>
</context>
<context>
    <name>SlideView</name>
    <message>
        <source>Slide</source>
        <translation>Слайд</translation>
    </message>
</context>
<context>
    <name>TagModel</name>
    <message>
        <source>Competency</source>
        <translation>Компетентність</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Уроків</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <source>Mean quiz score</source>
        <translation>Середній бал за тести</translation>
    </message>
    <message>
        <source>Quiz results</source>
        <translation>Результатів тестів</translation>
    </message>
</context>
<context>
    <name>TimerPage</name>
    <message>
        <source>+1 min</source>
        <translation>+1 хв</translation>
    </message>
    <message>
        <source>End the round now</source>
        <translation>Завершити раунд зараз</translation>
    </message>
    <message>
        <source>Round {n} of {total}</source>
        <translation>Раунд {n} з {total}</translation>
    </message>
    <message>
        <source>When the time is up:</source>
        <translation>Коли час вийде:</translation>
    </message>
    <message>
        <source>❚❚ Pause (Space)</source>
        <translation>❚❚ Пауза (Пробіл)</translation>
    </message>
    <message>
        <source>▶ Resume (Space)</source>
        <translation>▶ Продовжити (Пробіл)</translation>
    </message>
</context>
<context>
    <name>VotingPanel</name>
    <message>
        <source>Vote from your phone</source>
        <translation>Голосуйте з телефона</translation>
    </message>
    <message>
        <source>Room code:</source>
        <translation>Код кімнати:</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасники</translation>
    </message>
    <message>
        <source>Remove the name</source>
        <translation>Прибрати імʼя</translation>
    </message>
    <message>
        <source>Remove the selected nickname from the room (it cannot join again)</source>
        <translation>Прибрати вибране імʼя з кімнати (з ним більше не можна приєднатися)</translation>
    </message>
    <message>
        <source>✓ {order} — {count}</source>
        <translation>✓ {order} — {count}</translation>
    </message>
    <message>
        <source>Answered: {answered} of {total}</source>
        <translation>Відповіли: {answered} з {total}</translation>
    </message>
    <message>
        <source>In the room: {total}</source>
        <translation>У кімнаті: {total}</translation>
    </message>
</context>
<context>
    <name>WalkthroughPage</name>
    <message>
        <source>Mode:</source>
        <translation>Режим:</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Практика</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тест</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Підказка</translation>
    </message>
    <message>
        <source>◂ Step back</source>
        <translation>◂ Крок назад</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Почати знову</translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation>Крок ▸</translation>
    </message>
    <message>
        <source>Demo speed</source>
        <translation>Швидкість демонстрації</translation>
    </message>
    <message>
        <source>◂ Back to the course</source>
        <translation>◂ До курсу</translation>
    </message>
    <message>
        <source>Walkthrough: {title}</source>
        <translation>Тренажер: {title}</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Відвідувач</translation>
    </message>
    <message>
        <source>Data (fictional only):</source>
        <translation>Дані (лише вигадані):</translation>
    </message>
    <message>
        <source>A safe simulation: no network, no real data — only the visitor’s fictional data from this card.</source>
        <translation>Безпечна імітація: без Інтернету й без реальних даних — лише вигадані дані відвідувача з цієї картки.</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Крок {n} з {total}</translation>
    </message>
    <message>
        <source>Help the visitor with what they need. Start with the portal on the right.</source>
        <translation>Допоможіть відвідувачеві з потрібною послугою. Почніть із порталу праворуч.</translation>
    </message>
    <message>
        <source>Press ▶ Play to watch, or Step ▸ to go one move at a time.</source>
        <translation>Натисніть «▶ Відтворити», щоб переглянути, або «Крок ▸», щоб іти по одній дії.</translation>
    </message>
    <message>
        <source>Not this.</source>
        <translation>Не це.</translation>
    </message>
    <message>
        <source>Hint: {text}</source>
        <translation>Підказка: {text}</translation>
    </message>
    <message>
        <source>Before the visitor leaves: safety checklist</source>
        <translation>Перш ніж відвідувач(ка) піде: чек-лист безпеки</translation>
    </message>
    <message>
        <source>The demonstration is over. Now try it yourself in Practice mode.</source>
        <translation>Демонстрацію завершено. Тепер спробуйте самі в режимі «Практика».</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ Пройдено</translation>
    </message>
    <message>
        <source>✗ Not passed yet</source>
        <translation>✗ Ще не пройдено</translation>
    </message>
    <message>
        <source>Score: {score} of 100 — {verdict}&lt;br&gt;Errors: {errors} · hints: {hints} · wrong decisions: {wrong} · time: {m} min {s} s</source>
        <translation>Результат: {score} зі 100 — {verdict}&lt;br&gt;Помилок: {errors} · підказок: {hints} · хибних рішень: {wrong} · час: {m} хв {s} с</translation>
    </message>
    <message>
        <source>Walkthrough finished</source>
        <translation>Тренажер пройдено</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Пауза</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Відтворити</translation>
    </message>
</context>
<context>
    <name>WalkthroughViewModel</name>
    <message>
        <source>Not saved: this step was not recorded. See the message at the top of the window.</source>
        <translation>Не збережено: цей крок не записано. Дивіться повідомлення вгорі вікна.</translation>
    </message>
</context>
<context>
    <name>WelcomeTour</name>
    <message>
        <source>Welcome to Е-тренер</source>
        <extracomment>Who uses Е-тренер on this PC (asked at the first run, kept in the preferences, changed in Settings). Guide files in docs/guides (bundled with the app): menu key → file name.</extracomment>
        <translation>Ласкаво просимо до Е-тренера</translation>
    </message>
    <message>
        <source>Your course</source>
        <translation>Ваш курс</translation>
    </message>
    <message>
        <source>Quizzes and review</source>
        <translation>Тести й повторення</translation>
    </message>
    <message>
        <source>Each module ends with a quiz that explains every answer. Questions you get wrong come back in «Review» on later days, until you know them.</source>
        <translation>Кожен модуль завершується тестом, який пояснює кожну відповідь. Питання, на які ви відповіли неправильно, повертаються в «Повторення» в наступні дні, доки ви їх не засвоїте.</translation>
    </message>
    <message>
        <source>Walkthroughs</source>
        <translation>Тренажери</translation>
    </message>
    <message>
        <source>A walkthrough is a safe copy of an e-service portal with a fictional visitor. Watch it in Demo mode, practise with hints, then take the Test. Never type real data there.</source>
        <translation>Тренажер — це безпечна копія порталу е-послуг із вигаданим відвідувачем. Перегляньте його в режимі «Демо», потренуйтеся з підказками в режимі «Практика», а потім пройдіть «Тест». Ніколи не вводьте там реальних даних.</translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation>Ваш прогрес</translation>
    </message>
    <message>
        <source>Everything is saved on this computer in your profile. «Export for the methodist» makes one file with your progress to send by e-mail or on a USB stick. The guides are in Help.</source>
        <translation>Усе зберігається на цьому компʼютері у вашому профілі. «Експорт для методиста» створює один файл із вашим прогресом, який можна надіслати електронною поштою або передати на флешці. Посібники — у меню «Довідка».</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустити</translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation>◂ Назад</translation>
    </message>
    <message>
        <source>The Classroom menu</source>
        <translation>Меню «Заняття»</translation>
    </message>
    <message>
        <source>Everything for a group is in the «Classroom» menu. «Present this lesson» (F5) shows the lesson as slides on the projector.</source>
        <translation>Усе для роботи з групою — у меню «Заняття». «Показати урок як презентацію» (F5) виводить урок слайдами на проєктор.</translation>
    </message>
    <message>
        <source>The presenter&apos;s view</source>
        <translation>Вікно доповідача</translation>
    </message>
    <message>
        <source>With two screens, your notes, the next slide and the time stay on your laptop while the group sees the slides.</source>
        <translation>Якщо екранів два, нотатки, наступний слайд і час лишаються на вашому ноутбуці, а група бачить слайди.</translation>
    </message>
    <message>
        <source>A quiz for the group</source>
        <translation>Тест для групи</translation>
    </message>
    <message>
        <source>«Classroom quiz» runs a module&apos;s questions for teams on the projector and totals the points.</source>
        <translation>«Тест для групи» показує питання модуля командам на проєкторі й підраховує бали.</translation>
    </message>
    <message>
        <source>World Café</source>
        <translation>Світове кафе</translation>
    </message>
    <message>
        <source>«World Café» sets up the tables and questions, times the rounds and collects the results.</source>
        <translation>«Світове кафе» допомагає підготувати столи й питання, відмірює раунди і збирає результати.</translation>
    </message>
    <message>
        <source>Large type</source>
        <translation>Великий шрифт</translation>
    </message>
    <message>
        <source>In Settings choose the projector theme: large type that the back row can read. The trainer&apos;s guide is in Help.</source>
        <translation>У «Налаштуваннях» оберіть тему «Проєктор» — великий шрифт, який видно з останнього ряду. Посібник тренера — у «Довідці».</translation>
    </message>
    <message>
        <source>The methodist&apos;s workspace</source>
        <translation>Робочий простір методиста</translation>
    </message>
    <message>
        <source>Import the progress files the librarians send: the table shows who has passed which module; choose a person to see the details below.</source>
        <translation>Імпортуйте файли прогресу, які надсилають бібліотекарі: таблиця показує, хто який модуль пройшов; оберіть людину, щоб побачити подробиці нижче.</translation>
    </message>
    <message>
        <source>What the librarians send</source>
        <translation>Що надсилають бібліотекарі</translation>
    </message>
    <message>
        <source>Each librarian saves one signed file with «Export for the methodist» and sends it by e-mail or on a USB stick. A file changed by hand is refused.</source>
        <translation>Кожен бібліотекар зберігає один підписаний файл командою «Експорт для методиста» і надсилає його електронною поштою чи на флешці. Файл, змінений вручну, не приймається.</translation>
    </message>
    <message>
        <source>Questions and reports</source>
        <translation>Питання і звіти</translation>
    </message>
    <message>
        <source>The «Questions» tab shows the hardest questions (small samples are marked); «Export to Excel» and «PDF report» make files for your report. The methodist&apos;s guide is in Help.</source>
        <translation>Вкладка «Питання» показує найважчі питання (малі вибірки позначено); «Експорт в Excel» і «Звіт PDF» готують файли для вашого звіту. Посібник методиста — у «Довідці».</translation>
    </message>
    <message>
        <source>Е-тренер teaches how to help visitors with administrative e-services. On the left is the course: ✓ means done, ● started, ○ not yet. «Continue» opens the place where you stopped.</source>
        <translation>Е-тренер навчає допомагати відвідувачам з адміністративними е-послугами. Ліворуч — курс: ✓ пройдено, ● розпочато, ○ ще ні. «Продовжити» відкриває місце, де ви зупинилися.</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Уроків</translation>
    </message>
    <message>
        <source>Lessons are short; bookmarks, notes and the glossary are at hand. It works without the Internet.</source>
        <translation>Уроки короткі; закладки, нотатки і словник завжди під рукою. Працює без Інтернету.</translation>
    </message>
    <message>
        <source>Start ▸</source>
        <translation>Почати ▸</translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation>Далі ▸</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <source>Methodist&apos;s workspace — Е-тренер</source>
        <translation>Робочий простір методиста — Е-тренер</translation>
    </message>
    <message>
        <source>Librarians</source>
        <translation>Бібліотекарі</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Питання</translation>
    </message>
    <message>
        <source>Walkthroughs</source>
        <translation>Тренажери</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Компетентності</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Діаграми</translation>
    </message>
    <message>
        <source>Imported files</source>
        <translation>Імпортовані файли</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Імпортувати файли…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Імпортувати папку…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Експорт в Excel…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>Звіт PDF…</translation>
    </message>
    <message>
        <source>You can also drop files or folders here.</source>
        <translation>Можна також перетягнути сюди файли або папки.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Період:</translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace on {server} — Е-тренер</source>
        <translation>Робочий простір методиста на {server} — Е-тренер</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>Essays</source>
        <translation>Есе</translation>
    </message>
    <message>
        <source>Workspace: {place}</source>
        <translation>Робочий простір: {place}</translation>
    </message>
    <message>
        <source>Send to LRS…</source>
        <translation>Надіслати до LRS…</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Бібліотека:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Посада:</translation>
    </message>
    <message>
        <source>The last import (double-click a file rejected because its key changed to trust the new key, after checking with the librarian):</source>
        <translation>Останній імпорт (двічі клацніть файл, відхилений через новий ключ, щоб довіряти новому ключу — після перевірки з бібліотекарем):</translation>
    </message>
    <message>
        <source>Every file imported so far:</source>
        <translation>Усі досі імпортовані файли:</translation>
    </message>
    <message>
        <source>All libraries</source>
        <translation>Усі бібліотеки</translation>
    </message>
    <message>
        <source>All positions</source>
        <translation>Усі посади</translation>
    </message>
    <message>
        <source>Librarians: {n} · average completion: {mean}</source>
        <translation>Бібліотекарів: {n} · пройдено в середньому: {mean}</translation>
    </message>
    <message>
        <source>Choose a librarian to see the details.</source>
        <translation>Оберіть бібліотекаря, щоб побачити подробиці.</translation>
    </message>
    <message>
        <source>The workspace is empty: import the progress files your librarians sent.</source>
        <translation>Робочий простір порожній: імпортуйте файли прогресу, які надіслали бібліотекарі.</translation>
    </message>
    <message>
        <source>Course: {percent} ({done} of {total} lessons, quizzes and walkthroughs)</source>
        <translation>Курс: {percent} ({done} з {total} уроків, тестів і тренажерів)</translation>
    </message>
    <message>
        <source>Lessons read: {n} of {total}</source>
        <translation>Прочитано уроків: {n} з {total}</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation>Тести</translation>
    </message>
    <message>
        <source>attempts: {n}</source>
        <translation>спроб: {n}</translation>
    </message>
    <message>
        <source>{title}: best {score} · errors {errors} · hints {hints}</source>
        <translation>{title}: найкраще — {score} · помилок: {errors} · підказок: {hints}</translation>
    </message>
    <message>
        <source>Small sample: only {n} answers, fewer than {small}; the figures may change a lot.</source>
        <translation>Мала вибірка: відповідей лише {n}, менше ніж {small}; показники ще можуть сильно змінитися.</translation>
    </message>
    <message>
        <source>chosen {n} times ({share})</source>
        <translation>обрано разів: {n} ({share})</translation>
    </message>
    <message>
        <source>Progress files</source>
        <translation>Файли прогресу</translation>
    </message>
    <message>
        <source>Progress files (*.etprogress *.json);;All files (*)</source>
        <translation>Файли прогресу (*.etprogress *.json);;Усі файли (*)</translation>
    </message>
    <message>
        <source>A folder with progress files</source>
        <translation>Папка з файлами прогресу</translation>
    </message>
    <message>
        <source>Wait until the current import or export is done, or cancel it.</source>
        <translation>Зачекайте, доки закінчиться поточний імпорт чи експорт, або скасуйте його.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Імпортуємо…</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>Скасовуємо після поточного файлу…</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>Скасовуємо експорт…</translation>
    </message>
    <message>
        <source>An import is running. Files not imported yet stay as they are: importing the same folder again later skips the files already imported. Stop the import and close the workspace?</source>
        <translation>Триває імпорт. Ще не імпортовані файли залишаться як є: якщо згодом імпортувати ту саму папку знову, уже імпортовані файли буде пропущено. Зупинити імпорт і закрити робочий простір?</translation>
    </message>
    <message>
        <source>An export is running; its file will not be written. Stop the export and close the workspace?</source>
        <translation>Триває експорт; його файл не буде записано. Зупинити експорт і закрити робочий простір?</translation>
    </message>
    <message>
        <source>Close the workspace</source>
        <translation>Закрити робочий простір</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Зупинити й закрити</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Працювати далі</translation>
    </message>
    <message>
        <source>Stopping, then closing…</source>
        <translation>Зупиняємо, потім закриємо…</translation>
    </message>
    <message>
        <source>The import stopped: {reason}</source>
        <translation>Імпорт зупинено: {reason}</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>Не вдалося обчислити показники: {reason}</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>уже імпортовано</translation>
    </message>
    <message>
        <source>{n} new record(s)</source>
        <translation>нових записів: {n}</translation>
    </message>
    <message>
        <source>Imported: {ok} file(s); rejected: {bad}.</source>
        <translation>Імпортовано файлів: {ok}; відхилено: {bad}.</translation>
    </message>
    <message>
        <source>Cancelled: {n} file(s) were not looked at.</source>
        <translation>Скасовано: не переглянуто файлів: {n}.</translation>
    </message>
    <message>
        <source>Trust the new key of this learner and import {file}? Do it only if you have checked with the librarian that this file is really from them.</source>
        <translation>Довіряти новому ключу цього учасника й імпортувати {file}? Робіть це, лише коли переконалися разом із бібліотекарем, що файл справді від нього.</translation>
    </message>
    <message>
        <source>A new key</source>
        <translation>Новий ключ</translation>
    </message>
    <message>
        <source>Trust and import</source>
        <translation>Довіряти й імпортувати</translation>
    </message>
    <message>
        <source>imported with the new key</source>
        <translation>імпортовано з новим ключем</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Експорт в Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Зберігаємо…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Збережено: {path}</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Звіт PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file was not saved: {reason}</source>
        <translation>Файл не збережено: {reason}</translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace</source>
        <translation>Робочий простір методиста</translation>
    </message>
</context>
<context>
    <name>WorldCafe</name>
    <message>
        <source>Hosts stay; everyone else moves to the next table.</source>
        <translation>Господарі столів залишаються; усі інші переходять до наступного столу.</translation>
    </message>
    <message>
        <source>The last round is over: hosts, prepare the harvest of your table.</source>
        <translation>Останній раунд завершено: господарі столів, підготуйте підсумки свого столу.</translation>
    </message>
    <message>
        <source>Table {n}</source>
        <translation>Стіл {n}</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Дата: {date}</translation>
    </message>
    <message>
        <source>Tables: {tables}; rounds: {rounds} × {minutes} min</source>
        <translation>Столів: {tables}; раундів: {rounds} × {minutes} хв</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Питання</translation>
    </message>
    <message>
        <source>host: {host}</source>
        <translation>господар столу: {host}</translation>
    </message>
    <message>
        <source>Round {n}</source>
        <translation>Раунд {n}</translation>
    </message>
    <message>
        <source>(no notes)</source>
        <translation>(немає нотаток)</translation>
    </message>
    <message>
        <source>Harvest: the common findings</source>
        <translation>Підсумки: спільні висновки</translation>
    </message>
</context>
<context>
    <name>WorldCafeWindow</name>
    <message>
        <source>World Café</source>
        <translation>Світове кафе</translation>
    </message>
    <message>
        <source>The session could not be saved to {path}: {reason}</source>
        <translation>Не вдалося зберегти зустріч у {path}: {reason}</translation>
    </message>
    <message>
        <source>Export the harvest</source>
        <translation>Експорт підсумків</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation>Не вдалося зберегти файл: {reason}</translation>
    </message>
</context>
<context>
    <name>_Picture</name>
    <message>
        <source>(no picture: {name})</source>
        <translation>(немає зображення: {name})</translation>
    </message>
</context>
</TS>
