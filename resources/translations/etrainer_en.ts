<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <source>Е-тренер</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Your data was restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress database is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The progress database {path} is missing, but there are backups of it; the newest is from {date}. Nothing has been created yet.

Restore the newest backup, choose another data folder, or start with an empty database?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an eTrainer database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} in the data folder is not an eTrainer database ({reason}); eTrainer will not write to it.

Choose another data folder — or put the file aside (renamed, unchanged) and restore the newest backup or start with an empty database?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Е-тренер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress database was repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything for a group is in the «Classroom» menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a profile (menu Profile) to keep your progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile “{name}” with all its progress, bookmarks and notes? This cannot be undone (a backup is made first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup before deleting could not be made, so nothing was deleted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored. Е-тренер will now close; start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course pack (*.zip course.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the course…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course “{title}” (version {version}) was added. Progress is kept. Restart Е-тренер to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) were found in it.</source>
        <translation>
            <numerusform>%n problem was found in it.</numerusform>
            <numerusform>%n problems were found in it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Course added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course was not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Е-тренер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Е-тренер {version}&lt;/h3&gt;&lt;p&gt;An offline trainer for librarians who help citizens use administrative e-services.&lt;/p&gt;&lt;p&gt;Licence: GNU GPL v3 or later.&lt;/p&gt;&lt;p&gt;Data folder: {data}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CafeSetupPage</name>
    <message>
        <source>Tables and their hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions for the rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier World Cafés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>World Café: set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>World Café {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same question at all tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each table its own question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course&apos;s World Café kit has problems; the default question is used where needed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start round 1 ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions of the day (ticked ones are used, in this order):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved sessions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>World Café</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after round {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>harvest</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n saved session file(s) could not be read.</source>
        <translation>
            <numerusform>%n saved session file could not be read.</numerusform>
            <numerusform>%n saved session files could not be read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average completion by module: lessons, quizzes, walkthroughs (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hardest questions: share answered right (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceAnswer</name>
    <message>
        <source>Choose every right answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassroomMenu</name>
    <message>
        <source>Present this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classroom quiz…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>World Café…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this module&apos;s memo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the course memo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print all memos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a memo as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a lesson of the module whose memo you want to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All memos (a booklet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a memo as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path} ({n} page(s)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the printable kit as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printable kit cannot be saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole kit (all documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the printable kit as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassroomQuiz</name>
    <message>
        <source>Hands for {letter} first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands for {letter}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put them in the right order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassroomQuizWindow</name>
    <message>
        <source>Classroom quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Reveal (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A long question is shown alone first, in large type; then its options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting from phones cannot start on {address}: {reason}. Choose another address or check the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points of {team} for this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results ▸ (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▸ (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Start (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The right answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time is up! Keep your hands up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote now: raise your hand!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Resume (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options ▸ (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More ▸ (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote now on your phones!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands up: which comes first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? ▸ (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= {points}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassroomSummary</name>
    <message>
        <source>Classroom quiz: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to vote: {seconds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands for the right answer: {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams that scored: {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was not revealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting from phones (participants: {count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered from phones: {answered}; right: {right}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened for the phones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname or team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The right order: {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands for it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands for the right first item: {share}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders given from phones: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Consultation</name>
    <message>
        <source>The note looks like it holds a taxpayer number (10 digits). Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note looks like it holds a passport number. Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note looks like it holds an ID-card number (9 digits). Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note looks like it holds a demographic register number. Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note looks like it holds a phone number. Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note looks like it holds an e-mail address. Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note looks like it holds a payment card number. Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note holds a long number that may identify a person or a document. Leave it out: the log is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long: keep it under 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to an ASC or office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <source>Record a consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— reason —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— channel —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not noted —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, e.g. «needed a new KEP first»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No names, phones or document numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor&apos;s age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could do it alone next time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the service from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultationLaunch</name>
    <message>
        <source>Choose your profile first: consultations are kept in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultationMonthDialog</name>
    <message>
        <source>My consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations by service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n consultation(s); time spent: {hours} h {minutes} min</source>
        <translation>
            <numerusform>%n consultation; time spent: {hours} h {minutes} min</numerusform>
            <numerusform>%n consultations; time spent: {hours} h {minutes} min</numerusform>
        </translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{service}» was hard: reread «{lesson}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{service}» was hard: practise it in the walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseTree</name>
    <message>
        <source>Course contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} lessons read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions you got wrong come back here until you know them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskTab</name>
    <message>
        <source>by service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk vs training: where consultations went wrong, beside the results on the module that teaches the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the consultations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consultations could not be counted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n consultation(s), {hours} h {minutes} min</source>
        <translation>
            <numerusform>%n consultation, {hours} h {minutes} min</numerusform>
            <numerusform>%n consultations, {hours} h {minutes} min</numerusform>
        </translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly, referred or failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module quiz average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthroughs passed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditProfileDialog</name>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the PIN (leave both fields empty to remove it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database {path} was damaged, so eTrainer restored your data from the backup of {backup_date} ({backup}) and added the {salvaged} records it could still read from the damaged file that the backup lacked. Work done between {backup_date} and {damaged_at} may be missing. The damaged file was kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was damaged and no usable backup was found, so eTrainer started a new database with the {salvaged} records it could still read from the damaged file. Records that could not be read are missing. The damaged file was kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes saved recently in the database {path} are missing (its -wal file was lost), so eTrainer treated it as damaged: it restored the backup of {backup_date} ({backup}) and added the {salvaged} records the file still had that the backup lacked. Work done between {backup_date} and {damaged_at} may be missing. The file was kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eTrainer restored your data from the backup of {backup_date} ({backup}). Work done after that backup is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is missing, but {count} backup(s) of it exist (the newest from {backup_date}: {backup}). Nothing was created. Start eTrainer to restore the backup or to start fresh, or copy the backup to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is not an eTrainer database ({reason}); it was left untouched. Start eTrainer with another data folder (--data-dir), or move that file away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eTrainer did not open the data in {folder}; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Е-тренер is using this data ({folder}). Close it, or wait until it has finished, and start again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eTrainer cannot write in the data folder {folder} ({reason}). Ask the computer&apos;s administrator to allow writing there, or start eTrainer with another data folder (--data-dir); nothing was moved or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {folder} is full. Free some space (delete or move files you do not need) and start eTrainer again; nothing was moved or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eTrainer could not read or write {path}: {reason}. Check the disk (a removed USB drive, a network folder that went away) and start again; nothing was moved or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No course pack was found at {path}: it needs a course.yaml file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course pack {path} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} was not unpacked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson is too large to show ({size} KB; the limit is {limit} KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No course was found (looked in {path}). Add a course from a file or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long: keep it under {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: use at most {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “{name}” already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library or position is too long: use at most {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile no longer exists. Choose another profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN is not correct. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The walkthrough “{title}” has changed since this attempt was saved, so the attempt cannot be resumed. Start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a course pack: it has no course.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course pack {path} was not added: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist: give the folder or the .zip file of a course pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}:{line}: {message}. The course pack was not added: correct course.yaml and add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course pack {path} was not added: no space left on the disk holding {folder}. Free some space and add it again; the courses already there were not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the course pack was cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question bank {path} does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a file (a folder, a pipe or a device): it cannot be read as a question bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question bank {path} is too large ({size} MB; the limit is {limit} MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question bank {path} is not UTF-8 text (line {line}). Save it as UTF-8 and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot tell whether {path} is GIFT or Moodle XML. Choose the format (--format gift or --format moodlexml).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already exists; choose another file name (-o).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was damaged and no usable backup was found, so eTrainer started with an empty database. The damaged file was kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was saved by a newer version of eTrainer (schema {revision}). Install the newer eTrainer to open it; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eTrainer could not update the database {path}: {reason}. The database was left as it was; a copy is also kept at {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eTrainer could not save a backup copy of the database in {folder}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {path} is damaged, so it was not restored. Your current data is unchanged; choose another backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lesson cannot be shown: it is too deeply nested or has too much markup. Ask its author to split it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This attempt is already finished; its answers cannot change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question has already been checked; its answer cannot change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time for this quiz is up; the answer was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {limit} attempts at “{title}” have been used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methodist workspace {url} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methodist workspace {url} is on a PostgreSQL server, but the PostgreSQL driver is not installed. Install it with: pip install &apos;etrainer[postgres]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server of the methodist workspace {url} cannot be reached ({reason}). Check the host and port, and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server of the methodist workspace {url} refused the login of user {user} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is not a methodist workspace (it holds another program&apos;s tables, such as “{table}”), so it was left untouched. Choose a workspace file, or the name of a new file for a new workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methodist workspace {url} was made by a newer eTrainer (schema {found}). Update eTrainer to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classroom quiz summary {path} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classroom quiz summary {path} comes from a newer eTrainer (format {found}). Update eTrainer, then open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The World Café session {path} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The World Café session {path} comes from a newer eTrainer (format {found}). Update eTrainer, then open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course has no module “{module}”. Module ids: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The module “{module}” has no memo (a memo.md file in its folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course has no course-wide memo (memo.md beside course.yaml).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course has no memos to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target} could not be opened for writing. Check that the folder exists, that you may write there, and that the file is not open in another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course has no printable kit (kit/kit.yaml in the course folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printable kit has no document “{document}”. Document ids: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printable kit cannot be printed: {problem}. Run “etrainer check” on the course folder to see every problem.</source>
        <translation></translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the database refused to save ({detail}). Press Retry; if it keeps happening, call the PC administrator. You can go on reading the lessons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the disk is full. Free some space or call the PC administrator. You can go on reading the lessons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the data folder {folder} is read-only. Ask the PC administrator to allow writing there. You can go on reading the lessons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress is not being saved right now: another Е-тренер or another program is holding the data. Close it, then press Retry. You can go on reading the lessons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the disk reported a read or write error. Call the PC administrator: the disk may be failing. You can go on reading the lessons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress is not being saved right now: the progress database is damaged. Close Е-тренер and start it again: it repairs the database from a backup. You can go on reading the lessons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Е-тренер is using the data folder {folder} ({holder}). Close it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has not completed the course yet ({read} of {total} lessons read, {passed} of {quizzes} quizzes passed, {walked} of {walkthroughs} walkthroughs passed), so there is no certificate to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no essay number {essay} in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The essay is marked out of {max_points}: give from 0 to {max_points} points, not {points}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a known {kind} of the course&apos;s consultation list. Known: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes must be a whole number from 1 to {maximum}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is given only when the help was partial, referred or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no consultation list (consultations.yaml in the course folder), so consultations cannot be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet {path} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consultation of {path} was imported: no space left on the disk holding the progress database. Free some space and import the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not an outcome: use done, partly, referred or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} does not answer ({reason}). The statements stay queued and go with the next sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} refused the statements (HTTP {status}){detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} refused the user name or the password (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning record store at {endpoint} does not let this user send statements (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no learning record store at {endpoint} (HTTP {status}): check the address (it usually ends with /xAPI/).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{endpoint}” is not a learning record store address: it must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LRS at {endpoint} answered with an error: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LRS at {endpoint} cannot be reached: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LRS at {endpoint} refused the user name or password (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LRS at {endpoint} sent an answer eTrainer cannot read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The progress database could not be opened, so nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No space left on the disk holding the methodist workspace {url}: the import stopped after {done} of {total} file(s). The files imported are kept; free some space and import again (they are skipped then).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}:{line}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Essay</name>
    <message>
        <source>The methodist marks it out of {points} points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it is marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} of {max} points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methodist’s reply: {points}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under review: the methodist will reply.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EssayAnswer</name>
    <message>
        <source>Write your answer here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sample answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words: {n} (from {min} to {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words: {n} (at least {min})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words: {n} (at most {max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words: {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EssayMatrixModel</name>
    <message>
        <source>{graded} ✓ · {pending} ○</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Essays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Essays marked: {graded}; waiting: {pending}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EssayReplies</name>
    <message>
        <source>You have not sent any essays yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EssayRepliesDialog</name>
    <message>
        <source>My essays and the methodist’s replies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EssaysTab</name>
    <message>
        <source>Only essays not marked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save replies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Librarian / module / question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment for the librarian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide names while marking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked: {graded} · waiting: {pending}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the essays…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The essays could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{graded} marked, {pending} waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an essay on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not chosen —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {name}, {points} of {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Librarian {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No essays yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to save the replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the replies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the replies: {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replies could not be saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replies saved: %n file(s) in {folder}. Send each librarian her file.</source>
        <translation>
            <numerusform>Replies saved: %n file in {folder}. Send each librarian her file.</numerusform>
            <numerusform>Replies saved: %n files in {folder}. Send each librarian her file.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no new marks to send.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>This is not an eTrainer progress file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This progress file was made by a newer version of eTrainer. Update eTrainer, then import the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was changed after it was exported (its signature does not match). Ask the learner to export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This learner&apos;s earlier files were signed on another computer or with another key. Check with the learner before trusting this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is incomplete or garbled (perhaps it was not copied to the end). Ask the learner to export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large to be a progress file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged: some of its data is missing or not in the expected form. Ask the learner to export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a methodist&apos;s reply file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reply was made by a newer version of eTrainer. Update eTrainer, then open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was changed after the methodist saved it (its signature does not match). Ask the methodist to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reply comes from another methodist&apos;s workspace than the earlier ones (it is signed with another key). Check with your methodist before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reply is for a learner who has no profile on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply is incomplete or garbled (perhaps it was not copied to the end). Ask the methodist to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large to be a methodist&apos;s reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply is damaged: some of its data is missing or not in the expected form. Ask the methodist to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for the methodist</source>
        <extracomment>format → (service method, file suffix)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The file will contain:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;your name: &lt;b&gt;{name}&lt;/b&gt;, library: &lt;b&gt;{branch}&lt;/b&gt;, position: &lt;b&gt;{position}&lt;/b&gt;;&lt;/li&gt;&lt;li&gt;the course «{course}»: lessons read ({lessons}), quiz attempts ({quizzes}) with every answer ({answers}), walkthrough attempts ({walkthroughs}) with every step ({steps}).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;It does not contain your PIN, your notes or your bookmarks. The file is signed, so the methodist can see that nobody changed it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Your essays ({n}) go to the methodist in full, so that she can read and mark them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;«Send to the LRS» sends the same records — your name, your answers and results — as xAPI statements to the learning record store at &lt;b&gt;{endpoint}&lt;/b&gt; (user {user}). An attempt you have not finished waits until it is finished.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Once you have sent, what you finish later goes there by itself while Е-тренер is open (the status bar shows it); removing the address in Settings stops it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file for the methodist (.etprogress) — recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Excel table (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A progress report (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate of completion (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xAPI statements for a learning record store (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available when the whole course is passed: lessons read {read} of {lessons}, quizzes passed {passed} of {quizzes}, walkthroughs passed {walked} of {walkthroughs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read what the file contains and agree to give it to the methodist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to the LRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Also your anonymous consultation log: %n consultation(s) — services, outcomes, minutes and short notes, with no visitor&apos;s personal data.</source>
        <translation>
            <numerusform>Also your anonymous consultation log: %n consultation — services, outcomes, minutes and short notes, with no visitor&apos;s personal data.</numerusform>
            <numerusform>Also your anonymous consultation log: %n consultations — services, outcomes, minutes and short notes, with no visitor&apos;s personal data.</numerusform>
        </translation>
    </message>
    <message>
        <source>What to save:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}. Send this file to your methodist by e-mail or on a USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of {user} at {endpoint} (it is kept only until Е-тренер closes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent {sent}, already there {already}, waiting {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not everything was sent: {reason} ({counts}). What was not sent stays queued and goes with the next sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled ({counts}). What was not sent stays queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new to send: the LRS has all your finished work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the LRS: {counts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>The reply was not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sentence}

If your methodist told you that she now works in another workspace (a new computer, a reinstalled eTrainer), you may trust it from now on. Trust this reply?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reply from another workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies for {name}: {new} new, {known} already opened before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methodist’s reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New replies from the methodist ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a methodist’s reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist’s replies (*.etfeedback)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideViewer</name>
    <message>
        <source>The guide {path} cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HarvestPage</name>
    <message>
        <source>Common findings and agreements of the day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harvest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} ({n} of {total})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, you have finished {percent} of the course ({done} of {total} lessons, quizzes and walkthroughs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue: {title} ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} · about {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz: not taken yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz: best result {score} — {mark}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthroughs passed: {passed} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open module {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HotspotModel</name>
    <message>
        <source>Walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportQuestionsDialog</name>
    <message>
        <source>Questions and problems in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import questions from Moodle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a question bank exported from Moodle: GIFT (.gift, .txt) or Moodle XML (.xml). Nothing is changed until you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— no module (a course-level quiz) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz id (a-z, 0-9, hyphens):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as a quiz file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moodle question banks (*.gift *.txt *.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: questions understood: {n} ({counts}); not imported: {p}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz id may hold only small Latin letters, digits and hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the quiz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz files (*.quiz.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemModel</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} · small sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {n} answers: fewer than {small}, so facility and discrimination are not reliable yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Unknown box type «{kind}»: it is shown as a note («Примітка»).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The glossary has no term «{key}»: it is shown as plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link {href} leads to no lesson of this course: it is shown as plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link {href} was removed: lessons may link only to lessons, web pages and e-mail addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture {src} was removed: lessons may show only pictures from their course pack (images/…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines nested more than {limit} levels deep (the first is line {line}) were flattened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many nested or unclosed brackets from line {line}: they are shown as typed, and links there do not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many, too deeply nested or unclosed HTML tags: all HTML in this lesson is shown as plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {limit} definitions without blank lines between them: they are shown as plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A very long paragraph with very much markup is shown as typed, without formatting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text nested more than {limit} levels deep (for example by emphasis) is shown as plain text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonBrowser</name>
    <message>
        <source>Lesson text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message>
        <source>Your note for this lesson (only you see it)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {minutes} min · {position}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☆ Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Search: “{query}” — %n result(s)</source>
        <translation>
            <numerusform>Search: “{query}” — %n result</numerusform>
            <numerusform>Search: “{query}” — %n results</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found. Try a shorter word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookmarks yet: press «☆ Bookmark» under a lesson.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found in the course.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LrsSendDialog</name>
    <message>
        <source>Send to an LRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace&apos;s records go to the Learning Record Store as xAPI statements. Statements sent before are not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRS address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is kept only until eTrainer is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the LRS address and the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sent} sent, {already} were in the LRS already, {before} sent earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending was cancelled: {counts} The rest goes next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending stopped: {reason} What was sent stays noted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LrsStatus</name>
    <message>
        <source>Send to the LRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of {user} at {endpoint} (it is kept only until Е-тренер closes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic sending to the LRS stopped: {reason} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) wait to be sent to {endpoint} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</source>
        <translation>
            <numerusform>%n record waits to be sent to {endpoint} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</numerusform>
            <numerusform>%n records wait to be sent to {endpoint} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>LRS: sending… (sent {sent}, waiting {waiting})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRS {endpoint} does not answer: sent {sent}, waiting {waiting}, next try at {time} — &lt;a href=&quot;send&quot;&gt;{send}&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRS: sent {sent}, waiting {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a course from a file or folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import questions from Moodle (GIFT, XML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a quiz to GIFT…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a methodist&apos;s reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the methodist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My consultations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit my profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Classroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Librarian&apos;s guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer&apos;s guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist&apos;s guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course author&apos;s guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Е-тренер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}. Put it into a course folder and add the course to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no quizzes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a quiz to GIFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as GIFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIFT files (*.gift)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}; questions GIFT cannot hold: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Profile: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Е-тренер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⌂ My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the lesson where you stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions you got wrong come back here until you know them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the course…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving works again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a consultation at the desk (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still not saving. The message above says what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My course: {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your profile first: your answers are kept in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review today. Questions you answer wrong in a quiz come back here on later days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lesson {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lesson “{title}” cannot be shown: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Е-тренер — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in your web browser?

{url}

It is outside Е-тренер and needs the Internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ The course has %n problem(s); the rest of it works.</source>
        <translation>
            <numerusform>⚠ The course has %n problem; the rest of it works.</numerusform>
            <numerusform>⚠ The course has %n problems; the rest of it works.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Librarian</source>
        <extracomment>Item statistics from fewer answers than this are flagged «мала вибірка».</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}: {done}. Lessons read: {read} of {total}; best quiz result: {score}; walkthroughs passed: {passed} of {all}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoPrinting</name>
    <message>
        <source>Print the memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print all memos</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>Hosts&apos; notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ideas of each table, in the hosts&apos; words — no visitors&apos; personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderingAnswer</name>
    <message>
        <source>Put the steps in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the chosen step up (Alt+↑)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the chosen step down (Alt+↓)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <source>Rows 1–{shown} of {total}; more in a taller window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <source>TRAINING SIMULATOR · fictional portal «{name}» · never enter real data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to {kb} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file (a simulated file window):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified e-signature (simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose the key file —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate: {owner}; issued by {issuer}; valid {start} – {end}; № {serial}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the key and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment (simulated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry (MM/YY):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number: {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Presentation: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Presenter view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>White screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: → Space PageDown next; ← PageUp previous; Home, End; B black screen; W white screen; S presenter view; Esc end the show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide {slide} of {count} · page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide {slide} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen is black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen is white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speaker notes for this slide.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Who is studying?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start studying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect the librarians&apos; progress files and see the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your profile. Each librarian on this computer has her own progress, bookmarks and notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is only stored on this computer and in the progress files you choose to send to your methodist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (PIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN is not right. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs are different. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>e.g. Марта Коваль</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Бібліотека-філія № 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. бібліотекар I категорії</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4–8 digits, or leave empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and surname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library or branch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type only a number, without words: for example 14, 14,5 or 14.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marked area of the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A click at ({x}, {y})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write at least {min} words (now {words}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write at most {max} words (now {words}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your answer first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>A click on the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap [{n}]: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap [{n}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap {n}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture for this question is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly right: {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue where I stopped ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Back to the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass mark: {mark}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit: {n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback after each question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback at the end of the quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts left: {n} of {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your best result: {score} — {mark}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the quiz ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · question {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · page {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the results ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions without an answer: {n}. They will count as wrong. Finish anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◷ {m}:{s:02d} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right: {right} of {total}. Questions answered wrong come back tomorrow; right ones come back later, until you know them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your result: {score} (pass mark {mark}) — {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Automatic score only; %n answer(s) under review</source>
        <translation>
            <numerusform>Automatic score only; %n answer under review</numerusform>
            <numerusform>Automatic score only; %n answers under review</numerusform>
        </translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizSetupPage</name>
    <message>
        <source>Classroom quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{title} (%n question(s))</source>
        <translation>
            <numerusform>{title} (%n question)</numerusform>
            <numerusform>{title} (%n questions)</numerusform>
        </translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count raised hands for each option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give points to teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One team a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only single-choice, multiple-choice and true/false questions are used: the room answers by raising hands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting from phones (over this computer&apos;s Wi-Fi network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network the phones join: this computer&apos;s address on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to vote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tally:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no questions the room can answer by raising hands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{address} (this computer only, for a try)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least one team name, one a line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizViewModel</name>
    <message>
        <source>Not saved: this step was not recorded. See the message at the top of the window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Who works here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who will use Е-тренер on this computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Е-тренер opens where your work is. You can change this later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am a librarian: I study the course and help visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am a trainer: I teach a group with a projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am a methodist: I collect the librarians&apos; progress files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Librarian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RotationPage</name>
    <message>
        <source>✎ Hosts&apos; notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harvest ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time! Round {n} of {total} is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round {n}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start round {n} ▸</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveBanner</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving fails</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>The walkthrough is finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the steps first; the safety checklist comes at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now go through the safety checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not on the current page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done with this element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First answer the visitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the expected action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hints are not available in Test mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal does not accept this value. Check it against the visitor&apos;s card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date as DD.MM.YYYY, for example 05.03.1990.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date cannot be chosen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checkbox is either ticked or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the files offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal accepts only these file types: {types}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large: the portal accepts up to {max_kb} KB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password of the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password does not fit this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the card number: this training portal takes only the test card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the card&apos;s expiry date (MM/YY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the three-digit code on the back of the test card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This part of the page cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerLogin</name>
    <message>
        <source>Password of the user {user} on the server {server} (asked once per session, never saved):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projector (very large text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who works here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I work as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when Е-тренер starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another course opens when Е-тренер starts again. Progress in each course is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress, profiles and backups are kept in:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a backup now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer (a file in the data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a database server (PostgreSQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several methodists can share one workspace on a server.</source>
        <translation>Several methodists can share one workspace on a server.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service name (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is never saved: Е-тренер asks for it once per session, unless the PostgreSQL password file (PGPASSFILE, ~/.pgpass) or service file gives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace window opens it the next time it is opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: PostgreSQL {version} at {server}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tested: no password was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning record store (LRS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRS address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRS user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress can also be sent to a learning record store, if your library system runs one. Leave the address empty to send nothing: then Е-тренер never connects anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not saved: Е-тренер asks for it the first time you send after it starts and keeps it only in memory until it closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the LRS settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No LRS: nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Send your progress from «Export for the methodist».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (not saved: {reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings (backup failed: {reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the current progress with this backup? The current state is saved as a backup first, so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideLayout</name>
    <message>
        <source>After this lesson you will be able to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideView</name>
    <message>
        <source>Slide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagModel</name>
    <message>
        <source>Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean quiz score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimerPage</name>
    <message>
        <source>+1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the round now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the time is up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Resume (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VotingPanel</name>
    <message>
        <source>Vote from your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected nickname from the room (it cannot join again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ {order} — {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered: {answered} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the room: {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkthroughPage</name>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Step back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Back to the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthrough: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data (fictional only):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safe simulation: no network, no real data — only the visitor’s fictional data from this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help the visitor with what they need. Start with the portal on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press ▶ Play to watch, or Step ▸ to go one move at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the visitor leaves: safety checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demonstration is over. Now try it yourself in Practice mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: {score} of 100 — {verdict}&lt;br&gt;Errors: {errors} · hints: {hints} · wrong decisions: {wrong} · time: {m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthrough finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkthroughViewModel</name>
    <message>
        <source>Not saved: this step was not recorded. See the message at the top of the window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeTour</name>
    <message>
        <source>Welcome to Е-тренер</source>
        <extracomment>Who uses Е-тренер on this PC (asked at the first run, kept in the preferences, changed in Settings). Guide files in docs/guides (bundled with the app): menu key → file name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quizzes and review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each module ends with a quiz that explains every answer. Questions you get wrong come back in «Review» on later days, until you know them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthroughs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A walkthrough is a safe copy of an e-service portal with a fictional visitor. Watch it in Demo mode, practise with hints, then take the Test. Never type real data there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is saved on this computer in your profile. «Export for the methodist» makes one file with your progress to send by e-mail or on a USB stick. The guides are in Help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Classroom menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything for a group is in the «Classroom» menu. «Present this lesson» (F5) shows the lesson as slides on the projector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The presenter&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With two screens, your notes, the next slide and the time stay on your laptop while the group sees the slides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quiz for the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«Classroom quiz» runs a module&apos;s questions for teams on the projector and totals the points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>World Café</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«World Café» sets up the tables and questions, times the rounds and collects the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Settings choose the projector theme: large type that the back row can read. The trainer&apos;s guide is in Help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The methodist&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the progress files the librarians send: the table shows who has passed which module; choose a person to see the details below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the librarians send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each librarian saves one signed file with «Export for the methodist» and sends it by e-mail or on a USB stick. A file changed by hand is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions and reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The «Questions» tab shows the hardest questions (small samples are marked); «Export to Excel» and «PDF report» make files for your report. The methodist&apos;s guide is in Help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Е-тренер teaches how to help visitors with administrative e-services. On the left is the course: ✓ means done, ● started, ○ not yet. «Continue» opens the place where you stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons are short; bookmarks, notes and the glossary are at hand. It works without the Internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <source>Methodist&apos;s workspace — Е-тренер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Librarians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthroughs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can also drop files or folders here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace on {server} — Е-тренер</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Essays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to LRS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last import (double-click a file rejected because its key changed to trust the new key, after checking with the librarian):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every file imported so far:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Librarians: {n} · average completion: {mean}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a librarian to see the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is empty: import the progress files your librarians sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course: {percent} ({done} of {total} lessons, quizzes and walkthroughs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons read: {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempts: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: best {score} · errors {errors} · hints {hints}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small sample: only {n} answers, fewer than {small}; the figures may change a lot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen {n} times ({share})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress files (*.etprogress *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder with progress files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the current import or export is done, or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is running. Files not imported yet stay as they are: importing the same folder again later skips the files already imported. Stop the import and close the workspace?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is running; its file will not be written. Stop the export and close the workspace?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping, then closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} new record(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {ok} file(s); rejected: {bad}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {n} file(s) were not looked at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the new key of this learner and import {file}? Do it only if you have checked with the librarian that this file is really from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported with the new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Methodist&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorldCafe</name>
    <message>
        <source>Hosts stay; everyone else moves to the next table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last round is over: hosts, prepare the harvest of your table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables: {tables}; rounds: {rounds} × {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host: {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harvest: the common findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorldCafeWindow</name>
    <message>
        <source>World Café</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session could not be saved to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the harvest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Picture</name>
    <message>
        <source>(no picture: {name})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
