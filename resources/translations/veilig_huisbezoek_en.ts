<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Over Veilig Huisbezoek</source>
        <translation>About Veilig Huisbezoek</translation>
    </message>
    <message>
        <source>&lt;b&gt;Veilig Huisbezoek&lt;/b&gt; versie {version}</source>
        <translation>&lt;b&gt;Veilig Huisbezoek&lt;/b&gt; version {version}</translation>
    </message>
    <message>
        <source>Veilig Huisbezoek versie {version}</source>
        <translation>Veilig Huisbezoek version {version}</translation>
    </message>
    <message>
        <source>Gegevensmap: {data}
Logbestanden: {log}</source>
        <translation>Data folder: {data}
Log files: {log}</translation>
    </message>
    <message>
        <source>&amp;Starten bij aanmelden</source>
        <translation>&amp;Start at login</translation>
    </message>
    <message>
        <source>Start Veilig Huisbezoek als u zich op deze computer aanmeldt</source>
        <translation>Start Veilig Huisbezoek when you log in on this computer</translation>
    </message>
    <message>
        <source>&amp;Onderdelen en licenties:</source>
        <translation>&amp;Components and licences:</translation>
    </message>
    <message>
        <source>Onderdelen en licenties</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>S&amp;luiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>&amp;Diagnose kopiëren</source>
        <translation>Copy &amp;diagnosis</translation>
    </message>
    <message>
        <source>Versies, mappen en de laatste fouten, zonder persoonsgegevens, voor IT</source>
        <translation>Versions, folders and the last errors, without personal data, for IT</translation>
    </message>
    <message>
        <source>Starten bij aanmelden</source>
        <translation>Start at login</translation>
    </message>
    <message>
        <source>Starten bij aanmelden kon niet worden aangepast op deze computer. Vraag IT om hulp.</source>
        <translation>Starting at login could not be changed on this computer. Ask IT for help.</translation>
    </message>
    <message>
        <source>Diagnose gekopieerd: plak die in uw bericht aan IT (Ctrl+V).</source>
        <translation>Diagnosis copied: paste it into your message to IT (Ctrl+V).</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Account toevoegen</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>De wachtwoorden zijn niet gelijk.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>Rollen: kies minstens één rol.</source>
        <translation>Roles: choose at least one role.</translation>
    </message>
    <message>
        <source>Opslaan mislukt door een onverwachte fout.</source>
        <translation>Saving failed because of an unexpected error.</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Account toevoegen</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>Een nieuw account met een eerste wachtwoord. Geef het wachtwoord persoonlijk door; de persoon kiest daarna zelf een nieuw via Wachtwoord wijzigen.</source>
        <translation>A new account with a first password. Hand the password over in person; the person then chooses a new one with Change password.</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Voornaam</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>&amp;Achternaam</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>&amp;Telefoon (voor de buddy)</source>
        <translation>P&amp;hone (for the buddy)</translation>
    </message>
    <message>
        <source>Telefoon (voor de buddy)</source>
        <translation>Phone (for the buddy)</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord (eerste keer)</source>
        <translation>&amp;Password (first time)</translation>
    </message>
    <message>
        <source>Wachtwoord (eerste keer)</source>
        <translation>Password (first time)</translation>
    </message>
    <message>
        <source>&amp;Herhaal wachtwoord</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>&amp;Medewerker</source>
        <translation>&amp;Employee</translation>
    </message>
    <message>
        <source>Rol medewerker</source>
        <translation>Employee role</translation>
    </message>
    <message>
        <source>&amp;Leidinggevende</source>
        <translation>&amp;Team leader</translation>
    </message>
    <message>
        <source>Rol leidinggevende</source>
        <translation>Team leader role</translation>
    </message>
    <message>
        <source>&amp;Beheerder</source>
        <translation>&amp;Administrator</translation>
    </message>
    <message>
        <source>Rol beheerder</source>
        <translation>Administrator role</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Toegang</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>In orde</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Oude sleutel: nog niet ingelogd sinds de update</source>
        <translation>Old key: not logged in since the update</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord nodig</source>
        <translation>Needs a new password</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een account of stelt u een nieuw wachtwoord in voor iemand anders, dan krijgt de database een nieuwe sleutel: een oude kopie van het sleutelbestand opent de huidige database daarna niet meer. Oudere back-ups blijven wel te openen met de wachtwoorden van toen, tot ze verwijderd zijn (de app bewaart de laatste 7 automatische back-ups).</source>
        <translation>Everyone logs in with their own name and password. When you delete an account, or set a new password for someone else, the database gets a new key: an old copy of the key file no longer opens the current database. Older backups still open with the passwords of their time, until they are deleted (the app keeps the latest 7 automatic backups).</translation>
    </message>
    <message>
        <source>Account &amp;toevoegen…</source>
        <translation>&amp;Add account…</translation>
    </message>
    <message>
        <source>Account toevoegen</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord instellen…</source>
        <translation>Set &amp;new password…</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord instellen voor het gekozen account</source>
        <translation>Set a new password for the chosen account</translation>
    </message>
    <message>
        <source>Account &amp;verwijderen…</source>
        <translation>&amp;Delete account…</translation>
    </message>
    <message>
        <source>Gekozen account verwijderen</source>
        <translation>Delete the chosen account</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Account {user} toegevoegd.</source>
        <translation>Account {user} added.</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord ingesteld voor {user}.</source>
        <translation>New password set for {user}.</translation>
    </message>
    <message>
        <source>Account verwijderen</source>
        <translation>Delete account</translation>
    </message>
    <message>
        <source>Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een account of stelt u een nieuw wachtwoord in voor iemand anders, dan krijgt het team een nieuwe teamsleutel: wat daarna wordt vastgelegd, opent niet met de oude. Wat eerder is vastgelegd, versleutelt de beheerder van de server opnieuw (&apos;admin reseal&apos;).</source>
        <translation>Everyone logs in with their own name and password. When you delete an account, or set a new password for someone else, the team gets a new team key: what is recorded from then on does not open with the old one. What was recorded before is encrypted again by the server&apos;s administrator (&apos;admin reseal&apos;).</translation>
    </message>
    <message>
        <source>Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een account of stelt u een nieuw wachtwoord in voor iemand anders, dan krijgt de database een nieuwe sleutel: een oude kopie van het sleutelbestand opent de huidige database daarna niet meer. Oudere back-ups blijven wel te openen met de wachtwoorden van toen, tot ze verwijderd zijn (de app bewaart de laatste {keep} automatische back-ups).</source>
        <translation>Everyone logs in with their own name and password. When you delete an account, or set a new password for someone else, the database gets a new key: an old copy of the key file no longer opens the current database. Older backups still open with the passwords of their time, until they are deleted (the app keeps the latest {keep} automatic backups).</translation>
    </message>
    <message>
        <source>Deze accounts kunnen de database niet meer openen: die kreeg een nieuwe sleutel toen zij nog een sleutel van vóór de update hadden. Stel voor hen een nieuw wachtwoord in: {users}.</source>
        <translation>These accounts can no longer open the database: it got a new key while they still had a key from before the update. Set a new password for them: {users}.</translation>
    </message>
    <message>
        <source>De database krijgt een nieuwe sleutel zodra hij nergens anders meer open is (bij de volgende aanmelding).</source>
        <translation>The database gets its new key as soon as it is no longer open anywhere else (at the next login).</translation>
    </message>
    <message>
        <source>Het team heeft een nieuwe teamsleutel; laat de beheerder van de server wat eerder is vastgelegd opnieuw versleutelen (&apos;admin reseal&apos;).</source>
        <translation>The team has a new team key; have the server&apos;s administrator encrypt what was recorded before again (&apos;admin reseal&apos;).</translation>
    </message>
    <message>
        <source>Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer inloggen; wat hij of zij vastlegde blijft bewaard. De database krijgt een nieuwe sleutel, zodat ook een oude kopie van het sleutelbestand hem niet meer opent.</source>
        <translation>Delete account {user} ({name})? This person will no longer be able to log in; what they recorded is kept. The database gets a new key, so that an old copy of the key file no longer opens it either.</translation>
    </message>
    <message>
        <source>Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer inloggen; wat hij of zij vastlegde blijft bewaard. Het team krijgt een nieuwe teamsleutel, zodat de sleutel die deze persoon had wat daarna wordt vastgelegd niet opent.</source>
        <translation>Delete account {user} ({name})? This person will no longer be able to log in; what they recorded is kept. The team gets a new team key, so that the key this person had does not open what is recorded from then on.</translation>
    </message>
    <message>
        <source>Let op: {users} heeft nog een sleutel van vóór de update en kan de database daarna pas weer openen met een nieuw wachtwoord van u. Laat zo iemand eerst één keer inloggen, dan is dat niet nodig.</source>
        <translation>Note: {users} still has a key from before the update and can then only open the database again with a new password from you. Let them log in once first, and that is not needed.</translation>
    </message>
    <message>
        <source>Account {user} wordt verwijderd…</source>
        <translation>Deleting account {user}…</translation>
    </message>
    <message>
        <source>Account {user} verwijderd.</source>
        <translation>Account {user} deleted.</translation>
    </message>
    <message>
        <source>De database heeft een nieuwe sleutel.</source>
        <translation>The database has a new key.</translation>
    </message>
    <message>
        <source>Verwijderen mislukt door een onverwachte fout.</source>
        <translation>Deleting failed because of an unexpected error.</translation>
    </message>
</context>
<context>
    <name>Alarm</name>
    <message>
        <source>Alarm: bezoek van {name} — ontgrendel voor details</source>
        <translation>Alarm: visit by {name} — unlock for details</translation>
    </message>
    <message>
        <source>Alarm — ontgrendel voor details</source>
        <translation>Alarm — unlock for details</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <source>Alarmen</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>Open alarmen</source>
        <translation>Open alarms</translation>
    </message>
    <message>
        <source>{symbol} NOODSITUATIE: een buddy heeft alarm geslagen</source>
        <translation>{symbol} EMERGENCY: a buddy raised the alarm</translation>
    </message>
    <message>
        <source>{symbol} ESCALATIE: {count} alarm(en) niet op tijd bevestigd</source>
        <translation>{symbol} ESCALATION: {count} alarm(s) not acknowledged in time</translation>
    </message>
    <message>
        <source>{symbol} In behandeling bij een collega</source>
        <translation>{symbol} Being handled by a colleague</translation>
    </message>
    <message>
        <source>{symbol} Melding over uw bezoek</source>
        <translation>{symbol} About your visit</translation>
    </message>
    <message>
        <source>{symbol} ALARM — {count} open; blijft staan tot u bevestigt</source>
        <translation>{symbol} ALARM — {count} open; stays until you acknowledge</translation>
    </message>
    <message>
        <source>Niet vastgelegd: {reason} Het alarm blijft staan.</source>
        <translation>Not recorded: {reason} The alarm stays.</translation>
    </message>
    <message>
        <source>Alarm bevestigd; dit wordt vastgelegd zodra de verbinding terug is.</source>
        <translation>Alarm acknowledged; this is recorded once the connection is back.</translation>
    </message>
    <message>
        <source>de bezoeker</source>
        <translation>the visitor</translation>
    </message>
    <message>
        <source>U bent nu de buddy van het bezoek van {name}.</source>
        <translation>You are now the buddy of {name}&apos;s visit.</translation>
    </message>
</context>
<context>
    <name>AlarmRow</name>
    <message>
        <source>Waarschuwing</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Bellen</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Bellen over dit alarm</source>
        <translation>Call about this alarm</translation>
    </message>
    <message>
        <source>Bevestigen</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Alarm bevestigen: u handelt het af</source>
        <translation>Acknowledge the alarm: you handle it</translation>
    </message>
    <message>
        <source>Bevestig dat u dit alarm afhandelt; dit wordt vastgelegd en de anderen zien dat u het doet.</source>
        <translation>Confirm that you handle this alarm; this is recorded and the others see that you do.</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Incident openen</source>
        <translation>Open the incident</translation>
    </message>
    <message>
        <source>Overnemen</source>
        <translation>Take over</translation>
    </message>
    <message>
        <source>Bezoek overnemen: u wordt de buddy</source>
        <translation>Take over the visit: you become the buddy</translation>
    </message>
    <message>
        <source>U wordt de buddy van dit bezoek; de anderen zien dat u het overneemt.</source>
        <translation>You become the buddy of this visit; the others see that you take it over.</translation>
    </message>
    <message>
        <source>Terugmelden…</source>
        <translation>Report back…</translation>
    </message>
    <message>
        <source>Terugmelden van uw bezoek</source>
        <translation>Report back from your visit</translation>
    </message>
    <message>
        <source>Bent u terug? Meld u terug in Mijn bezoeken; dan stopt het alarm.</source>
        <translation>Are you back? Report back in My visits; that stops the alarm.</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>In behandeling</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Bevestig dat u het alarm gezien hebt; dit wordt vastgelegd zodra de verbinding met de teamserver terug is.</source>
        <translation>Confirm that you have seen the alarm; this is recorded once the connection to the team server is back.</translation>
    </message>
</context>
<context>
    <name>AlarmTexts</name>
    <message>
        <source>de buddy</source>
        <translation>the buddy</translation>
    </message>
    <message>
        <source>{name} kijkt mee.</source>
        <translation>{name} is watching.</translation>
    </message>
    <message>
        <source>{symbol} Niemand kijkt mee sinds {time}.</source>
        <translation>{symbol} Nobody watching since {time}.</translation>
    </message>
    <message>
        <source>Een collega</source>
        <translation>A colleague</translation>
    </message>
    <message>
        <source>uw bezoek</source>
        <translation>your visit</translation>
    </message>
    <message>
        <source>bezoek van {name}</source>
        <translation>{name}&apos;s visit</translation>
    </message>
    <message>
        <source>bezoek nr. {number}</source>
        <translation>visit no. {number}</translation>
    </message>
    <message>
        <source>{name} handelt dit af ({time}): {what} — {about}.</source>
        <translation>{name} is handling this ({time}): {what} — {about}.</translation>
    </message>
    <message>
        <source>Alarm — ontgrendel voor details</source>
        <translation>Alarm — unlock for details</translation>
    </message>
    <message>
        <source>{name} ({phone})</source>
        <translation>{name} ({phone})</translation>
    </message>
    <message>
        <source>Terugbelmoment: bel nu {who} — {where}.</source>
        <translation>Call-back due: call {who} now — {where}.</translation>
    </message>
    <message>
        <source>Gepland om {time}.</source>
        <translation>Scheduled for {time}.</translation>
    </message>
    <message>
        <source>Te laat terug: {who} is nog niet terug — {where}.</source>
        <translation>Overdue return: {who} is not back yet — {where}.</translation>
    </message>
    <message>
        <source>Alarm om {time}.</source>
        <translation>Alarm at {time}.</translation>
    </message>
    <message>
        <source>Escalatie: alarm niet bevestigd — bezoek van {who}, {where}.</source>
        <translation>Escalation: alarm not acknowledged — visit by {who}, {where}.</translation>
    </message>
    <message>
        <source>Sinds {time}.</source>
        <translation>Since {time}.</translation>
    </message>
    <message>
        <source>nr. {number}</source>
        <translation>no. {number}</translation>
    </message>
    <message>
        <source>Buddy niet bereikbaar ({buddy}): bezoek van {who} — {where}. Niemand kijkt mee sinds {since}.</source>
        <translation>Buddy unreachable ({buddy}): visit of {who} — {where}. Nobody has watched since {since}.</translation>
    </message>
    <message>
        <source>Buddy niet bereikbaar ({buddy}): bezoek van {who}. Niemand kijkt mee sinds {since}.</source>
        <translation>Buddy unreachable ({buddy}): visit of {who}. Nobody has watched since {since}.</translation>
    </message>
    <message>
        <source>NOODSITUATIE bij het bezoek van {who} — {where}: {buddy} (buddy) heeft alarm geslagen en belt de politie of u.</source>
        <translation>EMERGENCY at the visit of {who} — {where}: {buddy} (buddy) raised the alarm and is calling the police or you.</translation>
    </message>
    <message>
        <source>Om {time}.</source>
        <translation>At {time}.</translation>
    </message>
    <message>
        <source>Vertrokken zonder bereikbare buddy: {who} — {where}. De reden staat bij het bezoek.</source>
        <translation>Left without a reachable buddy: {who} — {where}. The reason is with the visit.</translation>
    </message>
    <message>
        <source>Vertrokken om {time}.</source>
        <translation>Left at {time}.</translation>
    </message>
    <message>
        <source>incident nr. {number}</source>
        <translation>incident no. {number}</translation>
    </message>
    <message>
        <source>Medewerker: {name}.</source>
        <translation>Employee: {name}.</translation>
    </message>
    <message>
        <source>TE LAAT (oorspronkelijk {time}) — {text}</source>
        <translation>LATE (originally {time}) — {text}</translation>
    </message>
    <message>
        <source>Het bezoek is inmiddels beëindigd (teruggemeld).</source>
        <translation>The visit has since ended (reported back).</translation>
    </message>
    <message>
        <source>(nog niet vastgelegd — geen verbinding)</source>
        <translation>(not recorded yet — no connection)</translation>
    </message>
    <message>
        <source>uw buddy</source>
        <translation>your buddy</translation>
    </message>
    <message>
        <source>Terugbelmoment van {time} ({where}): {buddy} is gewaarschuwd om u te bellen.</source>
        <translation>Call-back moment of {time} ({where}): {buddy} has been alerted to call you.</translation>
    </message>
    <message>
        <source>U bent te laat terug ({where}): {buddy} is om {time} gewaarschuwd.</source>
        <translation>You are overdue ({where}): {buddy} was alerted at {time}.</translation>
    </message>
    <message>
        <source>Escalatie: de leidinggevende is om {time} gewaarschuwd over uw bezoek ({where}).</source>
        <translation>Escalation: the manager was alerted about your visit ({where}) at {time}.</translation>
    </message>
    <message>
        <source>Bent u terug? Meld u dan nu terug.</source>
        <translation>Are you back? Then report back now.</translation>
    </message>
    <message>
        <source>Neem het bezoek over met Overnemen, of bevestig met Bevestigen.</source>
        <translation>Take the visit over with Take over, or acknowledge with Acknowledge.</translation>
    </message>
    <message>
        <source>Open het incident met Openen en bevestig met Bevestigen.</source>
        <translation>Open the incident with Open and acknowledge with Acknowledge.</translation>
    </message>
    <message>
        <source>Bel het nummer in de melding en bevestig met Bevestigen.</source>
        <translation>Call the number in the alert and acknowledge with Acknowledge.</translation>
    </message>
    <message>
        <source>Bel met de knop Bellen en bevestig met Bevestigen.</source>
        <translation>Call with the Call button and acknowledge with Acknowledge.</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bezoeker</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Volgend belmoment</source>
        <translation>Next call-back</translation>
    </message>
    <message>
        <source>Verwacht terug</source>
        <translation>Expected back</translation>
    </message>
    <message>
        <source>Status bezoek</source>
        <translation>Visit state</translation>
    </message>
    <message>
        <source>Buddy</source>
        <translation>Buddy</translation>
    </message>
    <message>
        <source>⚠ ALARM</source>
        <translation>⚠ ALARM</translation>
    </message>
    <message>
        <source>◷ te laat</source>
        <translation>◷ overdue</translation>
    </message>
    <message>
        <source>☎ nu bellen</source>
        <translation>☎ call now</translation>
    </message>
    <message>
        <source>✓ op schema</source>
        <translation>✓ on schedule</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Nu bellen</source>
        <translation>Call now</translation>
    </message>
    <message>
        <source>Op schema</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <source>Alarm: de verwachte terugkomst plus uitlooptijd is verstreken of het bezoek is geëscaleerd. Bel nu; geen gehoor: bel de leidinggevende en de politie.</source>
        <translation>Alarm: the expected return plus grace time has passed or the visit has been escalated. Call now; no answer: call the team leader and the police.</translation>
    </message>
    <message>
        <source>Te laat: de bezoeker is niet op tijd terug, of het belmoment is al langer dan de herhaaltijd voorbij. Bel nu.</source>
        <translation>Overdue: the visitor is not back on time, or the call-back is overdue by more than the retry interval. Call now.</translation>
    </message>
    <message>
        <source>Nu bellen: het belmoment is aangebroken.</source>
        <translation>Call now: the call-back is due.</translation>
    </message>
    <message>
        <source>Op schema: er hoeft nu niet gebeld te worden.</source>
        <translation>On schedule: no call is needed right now.</translation>
    </message>
    <message>
        <source>● groen</source>
        <translation>● green</translation>
    </message>
    <message>
        <source>▲ oranje</source>
        <translation>▲ orange</translation>
    </message>
    <message>
        <source>■ rood</source>
        <translation>■ red</translation>
    </message>
    <message>
        <source>over {}</source>
        <translation>in {}</translation>
    </message>
    <message>
        <source>nu</source>
        <translation>now</translation>
    </message>
    <message>
        <source>{} te laat</source>
        <translation>{} overdue</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>u kijkt mee</source>
        <translation>you are watching</translation>
    </message>
    <message>
        <source>{name} kijkt mee</source>
        <translation>{name} is watching</translation>
    </message>
    <message>
        <source>niemand kijkt mee sinds {time}</source>
        <translation>nobody watching since {time}</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Telefoon: {phone}. Buddy: {buddy}.</source>
        <translation>Phone: {phone}. Buddy: {buddy}.</translation>
    </message>
    <message>
        <source>Geen open belmoment.</source>
        <translation>No open call-back.</translation>
    </message>
    <message>
        <source>Belmoment om {time}.</source>
        <translation>Call-back at {time}.</translation>
    </message>
    <message>
        <source>Buddy: {buddy}. Niemand kijkt nu mee: de buddy is niet ingelogd of de app is gestopt. Bel de buddy of neem contact op met de leidinggevende.</source>
        <translation>Buddy: {buddy}. Nobody is watching now: the buddy is not logged in or the app has stopped. Call the buddy or contact the team leader.</translation>
    </message>
    <message>
        <source>Buddy: {buddy}.</source>
        <translation>Buddy: {buddy}.</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Buddybord</source>
        <translation>Buddy board</translation>
    </message>
    <message>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Geen lopende bezoeken waarvoor u buddy bent.</source>
        <translation>No running visits for which you are the buddy.</translation>
    </message>
    <message>
        <source>Het buddybord kon niet worden geladen: {message}</source>
        <translation>The buddy board could not be loaded: {message}</translation>
    </message>
    <message>
        <source>over {}</source>
        <translation>in {}</translation>
    </message>
    <message>
        <source>{} te laat</source>
        <translation>{} overdue</translation>
    </message>
    <message>
        <source>Het is nu {time}</source>
        <translation>It is now {time}</translation>
    </message>
    <message>
        <source>⚠ 1 bezoek in alarm</source>
        <translation>⚠ 1 visit in alarm</translation>
    </message>
    <message>
        <source>⚠ {count} bezoeken in alarm</source>
        <translation>⚠ {count} visits in alarm</translation>
    </message>
    <message>
        <source> en nog {more}</source>
        <translation> and {more} more</translation>
    </message>
    <message>
        <source>{head}: {names}. Bel nu; geen gehoor? Bel de leidinggevende en de politie.</source>
        <translation>{head}: {names}. Call now; no answer? Call the team leader and the police.</translation>
    </message>
    <message>
        <source>1 lopend bezoek</source>
        <translation>1 running visit</translation>
    </message>
    <message>
        <source>{count} lopende bezoeken</source>
        <translation>{count} running visits</translation>
    </message>
    <message>
        <source>U bent niet de buddy van dit bezoek: {buddy} belt. Alleen de buddy of een leidinggevende legt het gesprek vast.</source>
        <translation>You are not the buddy for this visit: {buddy} calls. Only the buddy or a team leader records the call.</translation>
    </message>
    <message>
        <source>Rond eerst het lopende belgesprek af.</source>
        <translation>Finish the current call first.</translation>
    </message>
    <message>
        <source>Alleen de buddy ({buddy}) of een leidinggevende belt dit bezoek.</source>
        <translation>Only the buddy ({buddy}) or a team leader calls this visit.</translation>
    </message>
    <message>
        <source>Open het belscherm voor het gekozen bezoek (Enter)</source>
        <translation>Open the call screen for the selected visit (Enter)</translation>
    </message>
</context>
<context>
    <name>BoardWidget</name>
    <message>
        <source>Buddybord</source>
        <translation>Buddy board</translation>
    </message>
    <message>
        <source>Alarmmelding</source>
        <translation>Alarm message</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Kies een bezoek en druk op Enter, dubbelklik of gebruik &lt;b&gt;Bellen&lt;/b&gt; om het terugbelgesprek vast te leggen. Het urgentste bezoek staat bovenaan.</source>
        <translation>Choose a visit and press Enter, double-click or use &lt;b&gt;Call&lt;/b&gt; to record the call-back. The most urgent visit is at the top.</translation>
    </message>
    <message>
        <source>Lopende bezoeken</source>
        <translation>Running visits</translation>
    </message>
    <message>
        <source>Gesorteerd op urgentie: alarm, te laat, nu bellen, op schema. Enter opent het belscherm.</source>
        <translation>Sorted by urgency: alarm, overdue, call now, on schedule. Enter opens the call screen.</translation>
    </message>
    <message>
        <source>Laden…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Laad de bezoeken opnieuw uit de database (F5)</source>
        <translation>Reload the visits from the database (F5)</translation>
    </message>
    <message>
        <source>☎ &amp;Bellen</source>
        <translation>☎ &amp;Call</translation>
    </message>
    <message>
        <source>Bellen</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Open het belscherm voor het gekozen bezoek (Enter)</source>
        <translation>Open the call screen for the selected visit (Enter)</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Terugbellen — {name}</source>
        <translation>Call-back — {name}</translation>
    </message>
    <message>
        <source>Het gesprek is niet vastgelegd: {reason} Uw keuzes staan er nog.</source>
        <translation>The call was not recorded: {reason} Your choices are still there.</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Geen telefoonnummer bekend</source>
        <translation>No phone number known</translation>
    </message>
    <message>
        <source>{address}, {city} · verwacht terug {time}</source>
        <translation>{address}, {city} · expected back {time}</translation>
    </message>
    <message>
        <source>over {}</source>
        <translation>in {}</translation>
    </message>
    <message>
        <source>nu</source>
        <translation>now</translation>
    </message>
    <message>
        <source>{} te laat</source>
        <translation>{} overdue</translation>
    </message>
    <message>
        <source>Belmoment {time} ({countdown})</source>
        <translation>Call-back {time} ({countdown})</translation>
    </message>
    <message>
        <source>Extra belmoment (niet gepland)</source>
        <translation>Extra call (not scheduled)</translation>
    </message>
    <message>
        <source>Let op: de vorige poging ({time}) werd niet beantwoord. Wordt er nu weer niet opgenomen, dan escaleert u.</source>
        <translation>Note: the previous attempt ({time}) was not answered. If there is no answer again now, escalate.</translation>
    </message>
    <message>
        <source>Dit bezoek is niet meer onderweg (status: {state}); er valt niets vast te leggen.</source>
        <translation>This visit is no longer under way (state: {state}); there is nothing to record.</translation>
    </message>
    <message>
        <source>Alleen de buddy ({buddy}) of een leidinggevende legt dit gesprek vast.</source>
        <translation>Only the buddy ({buddy}) or a team leader records this call.</translation>
    </message>
    <message>
        <source>Kies eerst hoe de bezoeker opnam.</source>
        <translation>First choose how the visitor answered.</translation>
    </message>
    <message>
        <source>Niet bereikt (Alt+N), Voornaam (Alt+V) of Achternaam (Alt+A).</source>
        <translation>Not reached (Alt+N), First name (Alt+F) or Last name (Alt+L).</translation>
    </message>
    <message>
        <source>Stel ook beide vragen.</source>
        <translation>Ask both questions as well.</translation>
    </message>
</context>
<context>
    <name>CallDialogForm</name>
    <message>
        <source>Bel de bezoeker</source>
        <translation>Call the visitor</translation>
    </message>
    <message>
        <source>Naam bezoeker</source>
        <translation>Visitor&apos;s name</translation>
    </message>
    <message>
        <source>Telefoonnummer bezoeker</source>
        <translation>Visitor&apos;s phone number</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Hoe nam de bezoeker op?</source>
        <translation>How did the visitor answer?</translation>
    </message>
    <message>
        <source>&amp;Niet bereikt</source>
        <translation>&amp;Not reached</translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>Er werd niet opgenomen (Alt+N)</source>
        <translation>There was no answer (Alt+N)</translation>
    </message>
    <message>
        <source>&amp;Voornaam</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>Opgenomen met de voornaam</source>
        <translation>Answered with the first name</translation>
    </message>
    <message>
        <source>Opgenomen met de voornaam: alles in orde (Alt+V)</source>
        <translation>Answered with the first name: all is well (Alt+F)</translation>
    </message>
    <message>
        <source>&amp;Achternaam</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>Opgenomen met de achternaam</source>
        <translation>Answered with the last name</translation>
    </message>
    <message>
        <source>Opgenomen met de achternaam: er is iets mis (Alt+A)</source>
        <translation>Answered with the last name: something is wrong (Alt+L)</translation>
    </message>
    <message>
        <source>Voornaam = alles in orde. Achternaam = foute boel: er is iets mis.</source>
        <translation>First name = all is well. Last name = trouble: something is wrong.</translation>
    </message>
    <message>
        <source>Kun je vrijuit praten?</source>
        <translation>Can you talk freely?</translation>
    </message>
    <message>
        <source>&amp;Ja</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>Vrijuit praten: ja</source>
        <translation>Can talk freely: yes</translation>
    </message>
    <message>
        <source>N&amp;ee</source>
        <translation>N&amp;o</translation>
    </message>
    <message>
        <source>Vrijuit praten: nee</source>
        <translation>Can talk freely: no</translation>
    </message>
    <message>
        <source>Is de politie gewenst?</source>
        <translation>Do you want the police?</translation>
    </message>
    <message>
        <source>Ja, &amp;politie</source>
        <translation>Yes, &amp;police</translation>
    </message>
    <message>
        <source>Politie gewenst: ja</source>
        <translation>Police wanted: yes</translation>
    </message>
    <message>
        <source>Nee, &amp;geen politie</source>
        <translation>No, &amp;without police</translation>
    </message>
    <message>
        <source>Politie gewenst: nee</source>
        <translation>Police wanted: no</translation>
    </message>
    <message>
        <source>Wat u daarna doet:</source>
        <translation>What you do next:</translation>
    </message>
    <message>
        <source>Voorbeeld van de actie</source>
        <translation>Preview of the action</translation>
    </message>
    <message>
        <source>Uitleg van de actie</source>
        <translation>Explanation of the action</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuleren zonder vastleggen</source>
        <translation>Cancel without recording</translation>
    </message>
    <message>
        <source>Sluiten zonder iets vast te leggen (Esc)</source>
        <translation>Close without recording anything (Esc)</translation>
    </message>
    <message>
        <source>Vast&amp;leggen</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Leg het gesprek vast met tijd en buddy (Enter)</source>
        <translation>Record the call with time and buddy (Enter)</translation>
    </message>
    <message>
        <source>Telefoonnummer politie</source>
        <translation>Police phone number</translation>
    </message>
    <message>
        <source>Wat u nu doet</source>
        <translation>What you do now</translation>
    </message>
    <message>
        <source>Adres voor de meldkamer:</source>
        <translation>Address for the emergency operator:</translation>
    </message>
    <message>
        <source>Volledig adres</source>
        <translation>Full address</translation>
    </message>
    <message>
        <source>&amp;Kopieer adres</source>
        <translation>&amp;Copy address</translation>
    </message>
    <message>
        <source>Kopieer het volledige adres</source>
        <translation>Copy the full address</translation>
    </message>
    <message>
        <source>Zet het volledige adres op het klembord (Alt+K)</source>
        <translation>Put the full address on the clipboard (Alt+C)</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>Clo&amp;se</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CallResultPage</name>
    <message>
        <source>Adres gekopieerd ✓</source>
        <translation>Address copied ✓</translation>
    </message>
    <message>
        <source>Volgend belmoment: {time}.</source>
        <translation>Next call-back: {time}.</translation>
    </message>
    <message>
        <source>Houd de lijn open.</source>
        <translation>Keep the line open.</translation>
    </message>
    <message>
        <source>Vastgelegd om {time} door {buddy}.</source>
        <translation>Recorded at {time} by {buddy}.</translation>
    </message>
    <message>
        <source>☎ {emergency} bij direct gevaar, anders {general}</source>
        <translation>☎ {emergency} in immediate danger, otherwise {general}</translation>
    </message>
    <message>
        <source>☎ Politie: {numbers}</source>
        <translation>☎ Police: {numbers}</translation>
    </message>
    <message>
        <source> of </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Van ons aanwezig: {people}</source>
        <translation>Our people present: {people}</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Bewoners: {residents}</source>
        <translation>Residents: {residents}</translation>
    </message>
    <message>
        <source>Leidinggevende: {people}</source>
        <translation>Team leader: {people}</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <source>Situatiefactoren</source>
        <translation>Situational factors</translation>
    </message>
    <message>
        <source>Twee of meer keer ‘ja’ betekent minstens oranje.</source>
        <translation>Two or more ‘yes’ answers mean at least orange.</translation>
    </message>
    <message>
        <source>Ernstige factoren</source>
        <translation>Serious factors</translation>
    </message>
    <message>
        <source>Eén keer ‘ja’ betekent rood; ‘weet ik niet’ minstens oranje.</source>
        <translation>A single ‘yes’ means red; ‘don’t know’ means at least orange.</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Weet ik niet</source>
        <translation>Don’t know</translation>
    </message>
</context>
<context>
    <name>CoSignBox</name>
    <message>
        <source>Tweede leidinggevende tekent mee</source>
        <translation>A second team leader co-signs</translation>
    </message>
    <message>
        <source>Vier ogen: een account van een leidinggevende maken of zijn wachtwoord herstellen kan alleen als een tweede leidinggevende hier met eigen naam en wachtwoord meetekent.</source>
        <translation>Four eyes: making a team leader&apos;s account or resetting a team leader&apos;s password needs a second team leader to co-sign here with their own name and password.</translation>
    </message>
    <message>
        <source>Naam twee&amp;de leidinggevende</source>
        <translation>Secon&amp;d team leader&apos;s user name</translation>
    </message>
    <message>
        <source>Wa&amp;chtwoord tweede leidinggevende</source>
        <translation>Se&amp;cond team leader&apos;s password</translation>
    </message>
    <message>
        <source>Gebruikersnaam tweede leidinggevende</source>
        <translation>Second team leader&apos;s user name</translation>
    </message>
    <message>
        <source>Wachtwoord tweede leidinggevende</source>
        <translation>Second team leader&apos;s password</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Verbinding met de teamserver</source>
        <translation>Connection to the team server</translation>
    </message>
    <message>
        <source>Geen verbinding met de teamserver sinds {time} — u ziet de laatst bekende stand ({age} min oud); opnieuw proberen…</source>
        <translation>No connection to the team server since {time} — you see the last known state ({age} min old); retrying…</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Toestemming leidinggevende</source>
        <translation>Team leader’s consent</translation>
    </message>
    <message>
        <source>Bezig met controleren…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>&amp;Toestemming geven</source>
        <translation>&amp;Give consent</translation>
    </message>
    <message>
        <source>Vul de gebruikersnaam en het wachtwoord van de leidinggevende in.</source>
        <translation>Enter the team leader’s user name and password.</translation>
    </message>
    <message>
        <source>Controleren mislukt door een onverwachte fout.</source>
        <translation>Checking failed because of an unexpected error.</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <source>Toestemming leidinggevende</source>
        <translation>Team leader’s consent</translation>
    </message>
    <message>
        <source>De leidinggevende geeft hier zelf toestemming voor dit bezoek met code rood, met de eigen gebruikersnaam en het eigen wachtwoord. Naam en reden worden vastgelegd.</source>
        <translation>The team leader gives consent for this code red visit here in person, with their own user name and password. Name and reason are recorded.</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam leidinggevende</source>
        <translation>Team leader’s &amp;user name</translation>
    </message>
    <message>
        <source>Gebruikersnaam leidinggevende</source>
        <translation>Team leader’s user name</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord leidinggevende</source>
        <translation>Team leader’s &amp;password</translation>
    </message>
    <message>
        <source>Wachtwoord leidinggevende</source>
        <translation>Team leader’s password</translation>
    </message>
    <message>
        <source>&amp;Reden van de toestemming</source>
        <translation>&amp;Reason for consent</translation>
    </message>
    <message>
        <source>Reden van de toestemming</source>
        <translation>Reason for consent</translation>
    </message>
    <message>
        <source>Waarom gaat het bezoek toch door, en onder welke voorwaarden?</source>
        <translation>Why is the visit going ahead anyway, and on what conditions?</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Toestemming geven</source>
        <translation>&amp;Give consent</translation>
    </message>
    <message>
        <source>Toestemming geven</source>
        <translation>Give consent</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Toestemming rood</source>
        <translation>Consent for red</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Verzoeken</source>
        <translation>Re&amp;quests</translation>
    </message>
    <message>
        <source>Bezoeken die wachten op toestemming</source>
        <translation>Visits awaiting consent</translation>
    </message>
    <message>
        <source>Er wachten geen bezoeken op uw toestemming.</source>
        <translation>No visits are awaiting your consent.</translation>
    </message>
    <message>
        <source>Verzoek in detail</source>
        <translation>Request in detail</translation>
    </message>
    <message>
        <source>&amp;Reden voor uw toestemming (verplicht):</source>
        <translation>&amp;Reason for your consent (required):</translation>
    </message>
    <message>
        <source>Waarom gaat dit bezoek toch door, en met welke maatregelen?</source>
        <translation>Why is this visit going ahead anyway, and with which measures?</translation>
    </message>
    <message>
        <source>Reden voor toestemming</source>
        <translation>Reason for consent</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>Details van het bezoek openen</source>
        <translation>Open the visit details</translation>
    </message>
    <message>
        <source>&amp;Toestemming geven</source>
        <translation>&amp;Give consent</translation>
    </message>
    <message>
        <source>Toestemming geven voor dit bezoek</source>
        <translation>Give consent for this visit</translation>
    </message>
    <message>
        <source>Bij risiconiveau rood gaat een bezoek alleen door met uw vastgelegde toestemming. Overweeg eerst een gesprek op een veilige locatie (kantoor met alarmknop). Gaat het bezoek toch door: nooit alleen, liever met de politie, en informeer de politie vooraf.</source>
        <translation>At risk level red a visit only goes ahead with your recorded consent. First consider a meeting at a safe location (an office with an alarm button). If the visit goes ahead anyway: never alone, preferably with the police, and inform the police beforehand.</translation>
    </message>
    <message>
        <source>Er ging iets onverwachts mis. Probeer het opnieuw.</source>
        <translation>Something unexpected went wrong. Please try again.</translation>
    </message>
    <message>
        <source>Niet gelukt: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
    <message>
        <source>niemand: de medewerker gaat alleen</source>
        <translation>nobody: the employee goes alone</translation>
    </message>
    <message>
        <source>Risiconiveau:</source>
        <translation>Risk level:</translation>
    </message>
    <message>
        <source>Medewerker:</source>
        <translation>Employee:</translation>
    </message>
    <message>
        <source>Gaat mee:</source>
        <translation>Going along:</translation>
    </message>
    <message>
        <source>Buddy (belt terug):</source>
        <translation>Buddy (calls back):</translation>
    </message>
    <message>
        <source>Gepland:</source>
        <translation>Scheduled:</translation>
    </message>
    <message>
        <source>Reden bezoek:</source>
        <translation>Reason for the visit:</translation>
    </message>
    <message>
        <source>Bewoners:</source>
        <translation>Residents:</translation>
    </message>
    <message>
        <source>Waarom rood</source>
        <translation>Why red</translation>
    </message>
    <message>
        <source>Geen redenen vastgelegd.</source>
        <translation>No reasons recorded.</translation>
    </message>
    <message>
        <source>Afwijking van het advies</source>
        <translation>Deviation from the advice</translation>
    </message>
    <message>
        <source>Politie vooraf informeren: {number}.</source>
        <translation>Inform the police beforehand: {number}.</translation>
    </message>
    <message>
        <source>Kies een verzoek in de lijst.</source>
        <translation>Choose a request from the list.</translation>
    </message>
    <message>
        <source>Toestemming vastgelegd voor {address}. {visitor} kan het bezoek nu inplannen.</source>
        <translation>Consent recorded for {address}. {visitor} can now schedule the visit.</translation>
    </message>
</context>
<context>
    <name>ConsentTableModel</name>
    <message>
        <source>Medewerker</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Gepland</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Gaat mee</source>
        <translation>Going along</translation>
    </message>
    <message>
        <source>niemand</source>
        <translation>nobody</translation>
    </message>
</context>
<context>
    <name>DepartureDialog</name>
    <message>
        <source>Vertrekken: uw buddy is niet bereikbaar</source>
        <translation>Leaving: your buddy cannot be reached</translation>
    </message>
    <message>
        <source>Kies een collega uit de lijst, of kies ‘Toch vertrekken’.</source>
        <translation>Choose a colleague from the list, or choose ‘Go anyway’.</translation>
    </message>
    <message>
        <source>U bent onderweg.</source>
        <translation>You are on your way.</translation>
    </message>
    <message>
        <source>Vertrekken mislukt door een onverwachte fout.</source>
        <translation>Leaving failed because of an unexpected error.</translation>
    </message>
</context>
<context>
    <name>DepartureForm</name>
    <message>
        <source>Vertrekken</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Uw buddy is niet bereikbaar</source>
        <translation>Your buddy cannot be reached</translation>
    </message>
    <message>
        <source>Wat wilt u doen?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>Een &amp;andere collega als buddy (ingelogd)</source>
        <translation>&amp;Another colleague as buddy (logged in)</translation>
    </message>
    <message>
        <source>Een andere collega als buddy</source>
        <translation>Another colleague as buddy</translation>
    </message>
    <message>
        <source>&amp;Toch vertrekken, zonder bereikbare buddy</source>
        <translation>&amp;Go anyway, without a reachable buddy</translation>
    </message>
    <message>
        <source>Toch vertrekken, zonder bereikbare buddy</source>
        <translation>Go anyway, without a reachable buddy</translation>
    </message>
    <message>
        <source>&amp;Collega&apos;s die nu zijn ingelogd:</source>
        <translation>&amp;Colleagues logged in now:</translation>
    </message>
    <message>
        <source>Collega&apos;s die nu zijn ingelogd</source>
        <translation>Colleagues logged in now</translation>
    </message>
    <message>
        <source>Er is nu geen andere collega ingelogd die buddy kan zijn.</source>
        <translation>No other colleague who can be buddy is logged in now.</translation>
    </message>
    <message>
        <source>Uw leidinggevenden krijgen een melding dat u vertrokken bent zonder bereikbare buddy, met uw reden.</source>
        <translation>Your managers are told that you left without a reachable buddy, with your reason.</translation>
    </message>
    <message>
        <source>&amp;Reden</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Foutmelding bij de reden</source>
        <translation>Error message for the reason</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Vertrekken</source>
        <translation>&amp;Leave</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuleren, niet vertrekken</source>
        <translation>Cancel, do not leave</translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>onverwachte fout ({kind}).</source>
        <translation>unexpected error ({kind}).</translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <source>Voornaam: dit veld is verplicht.</source>
        <translation>First name: this field is required.</translation>
    </message>
    <message>
        <source>De wachtwoorden zijn niet gelijk.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>Bezig met aanmaken…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>&amp;Database aanmaken</source>
        <translation>&amp;Create database</translation>
    </message>
    <message>
        <source>Aanmaken mislukt door een onverwachte fout.</source>
        <translation>Creating failed because of an unexpected error.</translation>
    </message>
</context>
<context>
    <name>FirstRunWidget</name>
    <message>
        <source>Veilig Huisbezoek — eerste gebruik</source>
        <translation>Veilig Huisbezoek — first use</translation>
    </message>
    <message>
        <source>Welkom bij Veilig Huisbezoek</source>
        <translation>Welcome to Veilig Huisbezoek</translation>
    </message>
    <message>
        <source>Er is nog geen database. Maak het eerste account aan: u wordt beheerder en leidinggevende en kunt daarna collega&apos;s toevoegen. Het wachtwoord wordt nergens bewaard; vergeet het niet.</source>
        <translation>There is no database yet. Create the first account: you become administrator and team leader and can then add colleagues. The password is not stored anywhere; do not forget it.</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Voornaam</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>&amp;Achternaam</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Herhaal wachtwoord</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Minimaal 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.</source>
        <translation>At least 10 characters. A sentence of a few words is strong and easy to remember.</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Database aanmaken</source>
        <translation>&amp;Create database</translation>
    </message>
    <message>
        <source>Database aanmaken</source>
        <translation>Create database</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Bezoeken overdragen</source>
        <translation>Hand over visits</translation>
    </message>
    <message>
        <source>U bent buddy van {count} lopend(e) bezoek(en). Als u weggaat, kijkt er niemand meer mee. Draag ze over aan een collega, of blijf.</source>
        <translation>You are the buddy of {count} running visit(s). If you leave, nobody watches them any more. Hand them over to a colleague, or stay.</translation>
    </message>
    <message>
        <source>{name} — {address} — terug om {time}</source>
        <translation>{name} — {address} — back at {time}</translation>
    </message>
    <message>
        <source>Er is nu geen andere collega ingelogd</source>
        <translation>No other colleague is logged in now</translation>
    </message>
    <message>
        <source>Over&amp;dragen</source>
        <translation>Hand &amp;over</translation>
    </message>
    <message>
        <source>Inloggen en over&amp;dragen</source>
        <translation>Log in and hand &amp;over</translation>
    </message>
    <message>
        <source>Inloggen en overdragen</source>
        <translation>Log in and hand over</translation>
    </message>
    <message>
        <source>Overdragen</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>Vink minstens één bezoek aan, of kies Ik blijf.</source>
        <translation>Tick at least one visit, or choose I stay.</translation>
    </message>
    <message>
        <source>Vul de gebruikersnaam en het wachtwoord van de collega in.</source>
        <translation>Fill in the colleague&apos;s user name and password.</translation>
    </message>
    <message>
        <source>Deze collega is zelf de bezoeker; kies een ander.</source>
        <translation>This colleague is the visitor; choose someone else.</translation>
    </message>
    <message>
        <source>Overgedragen. Nog over: de bezoeken hierboven.</source>
        <translation>Handed over. Left: the visits above.</translation>
    </message>
    <message>
        <source>Overdragen mislukt door een onverwachte fout.</source>
        <translation>Handing over failed: an unexpected error.</translation>
    </message>
</context>
<context>
    <name>HandoverForm</name>
    <message>
        <source>Bezoeken overdragen</source>
        <translation>Hand over visits</translation>
    </message>
    <message>
        <source>&amp;Lopende bezoeken die u bewaakt (aangevinkt: overdragen)</source>
        <translation>&amp;Running visits you watch (ticked: hand over)</translation>
    </message>
    <message>
        <source>Lopende bezoeken die u bewaakt</source>
        <translation>Running visits you watch</translation>
    </message>
    <message>
        <source>Overdragen aan een collega die nu &amp;ingelogd is</source>
        <translation>Hand over to a colleague who is &amp;logged in now</translation>
    </message>
    <message>
        <source>Overdragen aan een collega die nu ingelogd is</source>
        <translation>Hand over to a colleague who is logged in now</translation>
    </message>
    <message>
        <source>&amp;Collega</source>
        <translation>&amp;Colleague</translation>
    </message>
    <message>
        <source>Collega die nu ingelogd is</source>
        <translation>Colleague who is logged in now</translation>
    </message>
    <message>
        <source>Een collega logt &amp;hier in en neemt het over</source>
        <translation>A colleague logs in &amp;here and takes over</translation>
    </message>
    <message>
        <source>Een collega logt hier in en neemt het over</source>
        <translation>A colleague logs in here and takes over</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam van de collega</source>
        <translation>Colleague&apos;s &amp;user name</translation>
    </message>
    <message>
        <source>Gebruikersnaam van de collega</source>
        <translation>Colleague&apos;s user name</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord van de collega</source>
        <translation>Colleague&apos;s &amp;password</translation>
    </message>
    <message>
        <source>Wachtwoord van de collega</source>
        <translation>Colleague&apos;s password</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Over&amp;dragen</source>
        <translation>Hand &amp;over</translation>
    </message>
    <message>
        <source>Overdragen</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>Ik &amp;blijf</source>
        <translation>I &amp;stay</translation>
    </message>
    <message>
        <source>Ik blijf</source>
        <translation>I stay</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Bezoekhistorie</source>
        <translation>Visit history</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>&amp;Van</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>Filter vanaf datum gebruiken</source>
        <translation>Use the from-date filter</translation>
    </message>
    <message>
        <source>Vanaf datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>&amp;Tot en met</source>
        <translation>&amp;To (inclusive)</translation>
    </message>
    <message>
        <source>Filter tot en met datum gebruiken</source>
        <translation>Use the to-date filter</translation>
    </message>
    <message>
        <source>Tot en met datum</source>
        <translation>To date (inclusive)</translation>
    </message>
    <message>
        <source>&amp;Medewerker:</source>
        <translation>&amp;Employee:</translation>
    </message>
    <message>
        <source>Filter op medewerker (bezoeker)</source>
        <translation>Filter by employee (visitor)</translation>
    </message>
    <message>
        <source>&amp;Niveau:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <source>Filter op risiconiveau</source>
        <translation>Filter by risk level</translation>
    </message>
    <message>
        <source>&amp;Uitkomst:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>Filter op uitkomst</source>
        <translation>Filter by outcome</translation>
    </message>
    <message>
        <source>&amp;Zoeken:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>adres, postcode of bewoners</source>
        <translation>address, postcode or residents</translation>
    </message>
    <message>
        <source>Zoeken op adres, postcode, huisnummer of bewoners</source>
        <translation>Search by address, postcode, house number or residents</translation>
    </message>
    <message>
        <source>Filters &amp;wissen</source>
        <translation>&amp;Clear filters</translation>
    </message>
    <message>
        <source>Alle filters wissen</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>Details van het gekozen bezoek openen</source>
        <translation>Open the details of the selected visit</translation>
    </message>
    <message>
        <source>De hele tijdlijn van het bezoek (ook met Enter of dubbelklikken)</source>
        <translation>The whole timeline of the visit (also with Enter or a double-click)</translation>
    </message>
    <message>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Nieuwste bezoeken bovenaan. Druk op Enter voor de details van een bezoek.</source>
        <translation>Newest visits at the top. Press Enter for the details of a visit.</translation>
    </message>
    <message>
        <source>U ziet alle bezoeken van het team, de nieuwste bovenaan.</source>
        <translation>You see all visits of the team, newest first.</translation>
    </message>
    <message>
        <source>U ziet uw eigen bezoeken en de bezoeken waarbij u collega of buddy was, de nieuwste bovenaan.</source>
        <translation>You see your own visits and the visits where you were a colleague or buddy, newest first.</translation>
    </message>
    <message>
        <source>Een beheerder ziet geen bezoeken.</source>
        <translation>An administrator sees no visits.</translation>
    </message>
    <message>
        <source>Alle medewerkers</source>
        <translation>All employees</translation>
    </message>
    <message>
        <source>Alle niveaus</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>Alle uitkomsten</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>1 bezoek gevonden.</source>
        <translation>1 visit found.</translation>
    </message>
    <message>
        <source>{count} bezoeken gevonden.</source>
        <translation>{count} visits found.</translation>
    </message>
    <message>
        <source>De bezoeken konden niet worden geladen. Probeer het opnieuw.</source>
        <translation>The visits could not be loaded. Please try again.</translation>
    </message>
    <message>
        <source>Niet gelukt: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Begin</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Medewerker</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Politie / 112</source>
        <translation>Police / 112</translation>
    </message>
    <message>
        <source>Geëscaleerd</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Eerder teruggebeld</source>
        <translation>Called back sooner</translation>
    </message>
    <message>
        <source>Alles in orde</source>
        <translation>All is well</translation>
    </message>
    <message>
        <source>Nog niet afgerond</source>
        <translation>Not finished yet</translation>
    </message>
    <message>
        <source>Risiconiveau {level}</source>
        <translation>Risk level {level}</translation>
    </message>
</context>
<context>
    <name>IncidentAftercareTab</name>
    <message>
        <source>Planning gesprek</source>
        <translation>Conversation schedule</translation>
    </message>
    <message>
        <source>Uitkomst {talk}</source>
        <translation>Outcome — {talk}</translation>
    </message>
    <message>
        <source>— nog niet —</source>
        <translation>— not yet —</translation>
    </message>
    <message>
        <source>Datum gesprek</source>
        <translation>Date of the conversation</translation>
    </message>
    <message>
        <source>Toelichting gesprek</source>
        <translation>Notes on the conversation</translation>
    </message>
    <message>
        <source>korte toelichting (optioneel)</source>
        <translation>short note (optional)</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Gesprek vastleggen</source>
        <translation>Record the conversation</translation>
    </message>
    <message>
        <source>Alleen een leidinggevende legt dit vast.</source>
        <translation>Only a team leader records this.</translation>
    </message>
    <message>
        <source>{purpose}
Streven: {aim}; uiterlijk {latest}.</source>
        <translation>{purpose}
Aim: {aim}; at the latest {latest}.</translation>
    </message>
    <message>
        <source>{outcome} op {day}.</source>
        <translation>{outcome} on {day}.</translation>
    </message>
    <message>
        <source>Nazorggesprek vastgelegd.</source>
        <translation>Aftercare conversation recorded.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Incident melden</source>
        <translation>Report an incident</translation>
    </message>
    <message>
        <source>Incidentformulier</source>
        <translation>Incident form</translation>
    </message>
    <message>
        <source>Los van een bezoek (balie, telefoon, post, online).</source>
        <translation>Not linked to a visit (front desk, phone, post, online).</translation>
    </message>
    <message>
        <source>Na het huisbezoek aan {address}.</source>
        <translation>After the home visit to {address}.</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Eerst de melding indienen (tabblad 1).</source>
        <translation>Submit the report first (tab 1).</translation>
    </message>
    <message>
        <source>Wijzigingen &amp;opslaan</source>
        <translation>Sa&amp;ve changes</translation>
    </message>
    <message>
        <source>Melding &amp;indienen</source>
        <translation>&amp;Submit report</translation>
    </message>
    <message>
        <source>Melding ingediend ({reference}). Leg nu de directe stappen en de melding of aangifte vast.</source>
        <translation>Report submitted ({reference}). Now record the immediate steps and the police report.</translation>
    </message>
    <message>
        <source>Wijzigingen opgeslagen.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <source>Incident {reference}</source>
        <translation>Incident {reference}</translation>
    </message>
    <message>
        <source>Na het huisbezoek aan {address}. Medewerker: {name}.</source>
        <translation>After the home visit to {address}. Employee: {name}.</translation>
    </message>
    <message>
        <source>Incidentformulier opslaan als</source>
        <translation>Save the incident form as</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden opgeslagen.</source>
        <translation>The file could not be saved.</translation>
    </message>
    <message>
        <source>Opgeslagen: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
</context>
<context>
    <name>IncidentDialogForm</name>
    <message>
        <source>Incident melden</source>
        <translation>Report an incident</translation>
    </message>
    <message>
        <source>Bij welk bezoek</source>
        <translation>For which visit</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Onderdelen incident</source>
        <translation>Parts of the incident report</translation>
    </message>
    <message>
        <source>1. Melding</source>
        <translation>1. Report</translation>
    </message>
    <message>
        <source>&amp;Wanneer:</source>
        <translation>&amp;When:</translation>
    </message>
    <message>
        <source>Wanneer (datum en tijd van het incident)</source>
        <translation>When (date and time of the incident)</translation>
    </message>
    <message>
        <source>&amp;Kanaal:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>&amp;Soort gedrag:</source>
        <translation>&amp;Kind of behaviour:</translation>
    </message>
    <message>
        <source>Soort gedrag (A tot en met E)</source>
        <translation>Kind of behaviour (A to E)</translation>
    </message>
    <message>
        <source>Regel bij deze soort gedrag</source>
        <translation>Rule for this kind of behaviour</translation>
    </message>
    <message>
        <source>W&amp;ie:</source>
        <translation>W&amp;ho:</translation>
    </message>
    <message>
        <source>Wie was erbij betrokken</source>
        <translation>Who was involved</translation>
    </message>
    <message>
        <source>rol of naam, bijvoorbeeld: bewoner, zoon van de cliënt</source>
        <translation>role or name, for example: resident, the client’s son</translation>
    </message>
    <message>
        <source>W&amp;at:</source>
        <translation>Wh&amp;at:</translation>
    </message>
    <message>
        <source>Wat is er gebeurd</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>feitelijk: wat werd er gezegd en gedaan</source>
        <translation>factually: what was said and done</translation>
    </message>
    <message>
        <source>Waa&amp;r:</source>
        <translation>Whe&amp;re:</translation>
    </message>
    <message>
        <source>Waar gebeurde het</source>
        <translation>Where did it happen</translation>
    </message>
    <message>
        <source>Waarm&amp;ee:</source>
        <translation>Wi&amp;th what:</translation>
    </message>
    <message>
        <source>Waarmee (voorwerpen, wapens)</source>
        <translation>With what (objects, weapons)</translation>
    </message>
    <message>
        <source>bijvoorbeeld: geen, mes, hond</source>
        <translation>for example: none, knife, dog</translation>
    </message>
    <message>
        <source>&amp;Op welke wijze:</source>
        <translation>&amp;In what way:</translation>
    </message>
    <message>
        <source>Op welke wijze</source>
        <translation>In what way</translation>
    </message>
    <message>
        <source>Waar&amp;om:</source>
        <translation>Wh&amp;y:</translation>
    </message>
    <message>
        <source>Waarom (aanleiding)</source>
        <translation>Why (cause)</translation>
    </message>
    <message>
        <source>&amp;Letsel:</source>
        <translation>In&amp;jury:</translation>
    </message>
    <message>
        <source>Letsel</source>
        <translation>Injury</translation>
    </message>
    <message>
        <source>Toelichting le&amp;tsel:</source>
        <translation>Injury &amp;details:</translation>
    </message>
    <message>
        <source>Toelichting letsel</source>
        <translation>Injury details</translation>
    </message>
    <message>
        <source>&amp;Getuigen:</source>
        <translation>Wit&amp;nesses:</translation>
    </message>
    <message>
        <source>Getuigen</source>
        <translation>Witnesses</translation>
    </message>
    <message>
        <source>&amp;Politie was erbij betrokken</source>
        <translation>&amp;Police were involved</translation>
    </message>
    <message>
        <source>Politie was erbij betrokken</source>
        <translation>Police were involved</translation>
    </message>
    <message>
        <source>Melding &amp;indienen</source>
        <translation>&amp;Submit report</translation>
    </message>
    <message>
        <source>Melding indienen</source>
        <translation>Submit report</translation>
    </message>
    <message>
        <source>2. Direct gedaan</source>
        <translation>2. Done right away</translation>
    </message>
    <message>
        <source>Vink aan wat gedaan is; de tijd wordt vastgelegd. Veiligheid gaat voor alles.</source>
        <translation>Tick what has been done; the time is recorded. Safety comes first.</translation>
    </message>
    <message>
        <source>Directe stappen</source>
        <translation>Immediate steps</translation>
    </message>
    <message>
        <source>Stand van de stappen</source>
        <translation>Progress of the steps</translation>
    </message>
    <message>
        <source>3. Melding/aangifte</source>
        <translation>3. Police report</translation>
    </message>
    <message>
        <source>Termijn melding of aangifte</source>
        <translation>Deadline for the police report</translation>
    </message>
    <message>
        <source>&amp;Soort:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Soort melding</source>
        <translation>Kind of report</translation>
    </message>
    <message>
        <source>Gemeld &amp;door:</source>
        <translation>Reported &amp;by:</translation>
    </message>
    <message>
        <source>Gemeld door</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>Gemeld &amp;op:</source>
        <translation>Reported o&amp;n:</translation>
    </message>
    <message>
        <source>Gemeld op (datum en tijd)</source>
        <translation>Reported on (date and time)</translation>
    </message>
    <message>
        <source>&amp;Registratienummer politie:</source>
        <translation>Police &amp;registration number:</translation>
    </message>
    <message>
        <source>Registratienummer politie</source>
        <translation>Police registration number</translation>
    </message>
    <message>
        <source>&amp;Adres gemeente:</source>
        <translation>Municipality’s &amp;address:</translation>
    </message>
    <message>
        <source>Adres gemeente gebruikt bij de aangifte</source>
        <translation>Municipality’s address used for the police report</translation>
    </message>
    <message>
        <source>Meldcode &amp;VPT genoemd (uitoefening publieke taak)</source>
        <translation>Code &amp;VPT mentioned (performance of a public task)</translation>
    </message>
    <message>
        <source>Meldcode VPT genoemd (uitoefening publieke taak)</source>
        <translation>Code VPT mentioned (performance of a public task)</translation>
    </message>
    <message>
        <source>Reden &amp;geen aangifte:</source>
        <translation>Reason for no re&amp;port:</translation>
    </message>
    <message>
        <source>Reden geen melding of aangifte</source>
        <translation>Reason for no police report</translation>
    </message>
    <message>
        <source>Aandachtspunten aangifte</source>
        <translation>Points to note for the police report</translation>
    </message>
    <message>
        <source>Aangifte &amp;vastleggen</source>
        <translation>Rec&amp;ord the police report</translation>
    </message>
    <message>
        <source>Aangifte vastleggen</source>
        <translation>Record the police report</translation>
    </message>
    <message>
        <source>4. Nazorg</source>
        <translation>4. Aftercare</translation>
    </message>
    <message>
        <source>Drie gesprekken met de medewerker: binnen 24–72 uur, na ongeveer 5 dagen en na 4–6 weken. De leidinggevende legt vast of het gesprek is gehouden of afgeslagen.</source>
        <translation>Three conversations with the employee: within 24–72 hours, after about 5 days and after 4–6 weeks. The team leader records whether each conversation was held or declined.</translation>
    </message>
    <message>
        <source>5. Bewijs</source>
        <translation>5. Evidence</translation>
    </message>
    <message>
        <source>Bewaar schermafbeeldingen en bestanden als bewijs, met datum en tijd van het bericht. Ze worden versleuteld in de database opgeslagen (hoogstens 10 MB per bestand).</source>
        <translation>Keep screenshots and files as evidence, with the date and time of the message. They are stored encrypted in the database (at most 10 MB per file).</translation>
    </message>
    <message>
        <source>Bijlagen</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Datum en tijd van het &amp;bericht:</source>
        <translation>Date and time of the &amp;message:</translation>
    </message>
    <message>
        <source>Datum en tijd van het bericht of de schermafbeelding</source>
        <translation>Date and time of the message or the screenshot</translation>
    </message>
    <message>
        <source>Bestand &amp;toevoegen…</source>
        <translation>&amp;Add file…</translation>
    </message>
    <message>
        <source>Bestand toevoegen</source>
        <translation>Add file</translation>
    </message>
    <message>
        <source>Bestand op&amp;slaan als…</source>
        <translation>&amp;Save file as…</translation>
    </message>
    <message>
        <source>Bestand opslaan als</source>
        <translation>Save file as</translation>
    </message>
    <message>
        <source>Bestand &amp;verwijderen</source>
        <translation>&amp;Delete file</translation>
    </message>
    <message>
        <source>Bestand verwijderen</source>
        <translation>Delete file</translation>
    </message>
    <message>
        <source>6. Adresregister</source>
        <translation>6. Address register</translation>
    </message>
    <message>
        <source>Een voorstel voor het adresregister, ingevuld vanuit de melding. Het waarschuwt collega&apos;s pas na goedkeuring door een leidinggevende. Beschrijf feitelijk; geen namen of diagnoses.</source>
        <translation>A proposal for the address register, filled in from the report. It warns colleagues only once a team leader has approved it. Describe factually; no names or diagnoses.</translation>
    </message>
    <message>
        <source>Str&amp;aat:</source>
        <translation>&amp;Street:</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>&amp;Huisnummer:</source>
        <translation>House n&amp;umber:</translation>
    </message>
    <message>
        <source>Huisnummer met toevoeging</source>
        <translation>House number with addition</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Pl&amp;aats:</source>
        <translation>Ci&amp;ty:</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>City</translation>
    </message>
    <message>
        <source>&amp;Categorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>Categorie adresnotitie</source>
        <translation>Address note category</translation>
    </message>
    <message>
        <source>&amp;Datum incident:</source>
        <translation>Incident dat&amp;e:</translation>
    </message>
    <message>
        <source>Datum incident</source>
        <translation>Incident date</translation>
    </message>
    <message>
        <source>&amp;Omschrijving:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Omschrijving adresnotitie</source>
        <translation>Address note description</translation>
    </message>
    <message>
        <source>&amp;Voorzorgsmaatregelen:</source>
        <translation>Prec&amp;autions:</translation>
    </message>
    <message>
        <source>Voorzorgsmaatregelen</source>
        <translation>Precautions</translation>
    </message>
    <message>
        <source>Status adresnotitie</source>
        <translation>Address note status</translation>
    </message>
    <message>
        <source>Notitie &amp;voorstellen</source>
        <translation>Pr&amp;opose note</translation>
    </message>
    <message>
        <source>Notitie voorstellen</source>
        <translation>Propose note</translation>
    </message>
    <message>
        <source>Formulier als &amp;PDF…</source>
        <translation>Form as PD&amp;F…</translation>
    </message>
    <message>
        <source>Formulier als PDF opslaan</source>
        <translation>Save the form as PDF</translation>
    </message>
    <message>
        <source>S&amp;luiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IncidentEvidenceTab</name>
    <message>
        <source>{name} — {moment} — {size}</source>
        <translation>{name} — {moment} — {size}</translation>
    </message>
    <message>
        <source>Bewijsstuk kiezen</source>
        <translation>Choose a piece of evidence</translation>
    </message>
    <message>
        <source>Bijlage versleuteld opgeslagen.</source>
        <translation>Attachment stored encrypted.</translation>
    </message>
    <message>
        <source>Bijlage opslaan als</source>
        <translation>Save attachment as</translation>
    </message>
    <message>
        <source>Bijlage verwijderd.</source>
        <translation>Attachment deleted.</translation>
    </message>
</context>
<context>
    <name>IncidentNoteTab</name>
    <message>
        <source>Nog geen notitie voorgesteld.</source>
        <translation>No note proposed yet.</translation>
    </message>
    <message>
        <source>De notitie is inmiddels verwijderd.</source>
        <translation>The note has since been deleted.</translation>
    </message>
    <message>
        <source>Notitie voorgesteld; status: {status}.</source>
        <translation>Note proposed; status: {status}.</translation>
    </message>
    <message>
        <source>Notitie voorgesteld: een leidinggevende keurt haar goed voordat zij collega&apos;s waarschuwt.</source>
        <translation>Note proposed: a team leader approves it before it warns colleagues.</translation>
    </message>
</context>
<context>
    <name>IncidentPoliceTab</name>
    <message>
        <source>{kind} vastgelegd (termijn was {due}).</source>
        <translation>{kind} recorded (the deadline was {due}).</translation>
    </message>
    <message>
        <source>Melding of aangifte vóór {due} (nog {hours} uur). Aangifte gebeurt op het adres van de gemeente, met de meldcode VPT.</source>
        <translation>Police report before {due} ({hours} hours left). The report is made with the municipality’s address and the code VPT.</translation>
    </message>
    <message>
        <source>De termijn van 24 uur is verstreken ({due}). Leg de melding nu vast.</source>
        <translation>The 24-hour deadline has passed ({due}). Record the report now.</translation>
    </message>
    <message>
        <source>Melding of aangifte vastgelegd.</source>
        <translation>Police report recorded.</translation>
    </message>
</context>
<context>
    <name>IncidentReportTab</name>
    <message>
        <source>— kies het kanaal —</source>
        <translation>— choose the channel —</translation>
    </message>
    <message>
        <source>— kies A tot en met E —</source>
        <translation>— choose A to E —</translation>
    </message>
    <message>
        <source>Kies de soort gedrag; de regel van de organisatie verschijnt hier.</source>
        <translation>Choose the kind of behaviour; the organisation’s rule appears here.</translation>
    </message>
    <message>
        <source>Regel: {rule}
Standpunt organisatie: {position}</source>
        <translation>Rule: {rule}
Organisation’s position: {position}</translation>
    </message>
    <message>
        <source>Bij bedreiging en fysiek geweld wordt altijd aangifte gedaan, tenzij de omstandigheden anders vragen.</source>
        <translation>Threats and physical violence are always reported to the police (aangifte), unless the circumstances require otherwise.</translation>
    </message>
</context>
<context>
    <name>IncidentStepsTab</name>
    <message>
        <source> — gedaan {time}</source>
        <translation> — done {time}</translation>
    </message>
    <message>
        <source> (niet nodig bij dit incident)</source>
        <translation> (not needed for this incident)</translation>
    </message>
    <message>
        <source>Nog te doen: {steps}.</source>
        <translation>Still to do: {steps}.</translation>
    </message>
    <message>
        <source>Alle nodige stappen zijn vastgelegd.</source>
        <translation>All necessary steps have been recorded.</translation>
    </message>
</context>
<context>
    <name>LeaveGuard</name>
    <message>
        <source>Bezoeken niet te controleren</source>
        <translation>Visits could not be checked</translation>
    </message>
    <message>
        <source>Er kon niet worden nagekeken of u nog buddy bent van lopende bezoeken. Gaat u toch weg, dan ziet een collega binnen een minuut dat niemand meekijkt. Toch doorgaan?</source>
        <translation>It could not be checked whether you are still the buddy of running visits. If you leave anyway, a colleague sees within a minute that nobody is watching. Continue?</translation>
    </message>
    <message>
        <source>Niemand kijkt mee</source>
        <translation>Nobody is watching</translation>
    </message>
    <message>
        <source>{name} was buddy van {count} lopend(e) bezoek(en) en is nu uitgelogd: niemand kijkt daar nog mee. Neemt u ze over?</source>
        <translation>{name} was the buddy of {count} running visit(s) and is now logged out: nobody watches them any more. Will you take them over?</translation>
    </message>
    <message>
        <source>&amp;Overnemen</source>
        <translation>&amp;Take over</translation>
    </message>
    <message>
        <source>&amp;Niet nu</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <source>U kijkt nu mee met {count} bezoek(en).</source>
        <translation>You are now watching {count} visit(s).</translation>
    </message>
    <message>
        <source>Overnemen mislukt door een onverwachte fout.</source>
        <translation>Taking over failed: an unexpected error.</translation>
    </message>
    <message>
        <source>Veilig Huisbezoek blijft actief</source>
        <translation>Veilig Huisbezoek keeps running</translation>
    </message>
    <message>
        <source>Het venster is gesloten, maar de app blijft in het systeemvak draaien, zodat terugbelmomenten en alarmen doorgaan. Afsluiten kan via het menu van dit pictogram.</source>
        <translation>The window is closed, but the app keeps running in the system tray, so that call-backs and alarms go on. Quit from this icon&apos;s menu.</translation>
    </message>
</context>
<context>
    <name>LevelBadge</name>
    <message>
        <source>NOG NIET BEPAALD</source>
        <translation>NOT YET DETERMINED</translation>
    </message>
    <message>
        <source>Risiconiveau: nog niet bepaald</source>
        <translation>Risk level: not yet determined</translation>
    </message>
    <message>
        <source>Risiconiveau: {level}</source>
        <translation>Risk level: {level}</translation>
    </message>
</context>
<context>
    <name>LogInHereOption</name>
    <message>
        <source>Uw buddy (of een andere collega) logt hier in en kijkt vanaf deze computer mee. U wordt daarbij uitgelogd.</source>
        <translation>Your buddy (or another colleague) logs in here and watches from this computer. You are logged out.</translation>
    </message>
    <message>
        <source>Gebruikersnaam van de collega</source>
        <translation>Colleague&apos;s user name</translation>
    </message>
    <message>
        <source>Wachtwoord van de collega</source>
        <translation>Colleague&apos;s password</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam van de collega</source>
        <translation>Colleague&apos;s &amp;user name</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord van de collega</source>
        <translation>Colleague&apos;s &amp;password</translation>
    </message>
    <message>
        <source>Mijn buddy of een collega logt &amp;hier in</source>
        <translation>My buddy or a colleague logs in &amp;here</translation>
    </message>
    <message>
        <source>Vul de gebruikersnaam en het wachtwoord van de collega in.</source>
        <translation>Fill in the colleague&apos;s user name and password.</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>Herstellen uit reservekopie</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Teamserver: {server}</source>
        <translation>Team server: {server}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo-database&lt;/b&gt; (wordt bij afsluiten gewist). Accounts:</source>
        <translation>&lt;b&gt;Demo database&lt;/b&gt; (erased on exit). Accounts:</translation>
    </message>
    <message>
        <source>Nog geen database in {folder}. Laat de beheerder er een aanmaken met &apos;veilig-huisbezoek admin init&apos;, of start met --demo.</source>
        <translation>No database in {folder} yet. Ask the administrator to create one with &apos;veilig-huisbezoek admin init&apos;, or start with --demo.</translation>
    </message>
    <message>
        <source>Bezig met inloggen…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>&amp;Inloggen</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Vul uw gebruikersnaam en wachtwoord in.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Inloggen mislukt door een onverwachte fout.</source>
        <translation>Login failed because of an unexpected error.</translation>
    </message>
    <message>
        <source>Herstellen uit reservekopie van {moment}</source>
        <translation>Restore from the backup of {moment}</translation>
    </message>
    <message>
        <source>Vul uw gebruikersnaam en wachtwoord in; daarmee wordt de reservekopie geopend.</source>
        <translation>Enter your user name and password; they open the backup.</translation>
    </message>
    <message>
        <source>De beschadigde database wordt niet gewist of overschreven: hij wordt verplaatst naar een map ‘beschadigd-…’ in {folder}. Daarna wordt de reservekopie van {moment} teruggezet. Wat na dat moment is vastgelegd, staat niet in de reservekopie.

Doorgaan?</source>
        <translation>The damaged database is not erased or overwritten: it is moved to a folder ‘beschadigd-…’ in {folder}. Then the backup of {moment} is restored. Anything recorded after that moment is not in the backup.

Continue?</translation>
    </message>
    <message>
        <source>&amp;Ja, herstellen</source>
        <translation>&amp;Yes, restore</translation>
    </message>
    <message>
        <source>&amp;Nee</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>Herstellen is niet gelukt: {reason}</source>
        <translation>Restoring failed: {reason}</translation>
    </message>
    <message>
        <source>Herstellen is niet gelukt door een onverwachte fout.</source>
        <translation>Restoring failed because of an unexpected error.</translation>
    </message>
    <message>
        <source>Vergrendeld. Log opnieuw in om verder te gaan; niets is verloren.</source>
        <translation>Locked. Log in again to continue; nothing is lost.</translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <source>Veilig Huisbezoek — inloggen</source>
        <translation>Veilig Huisbezoek — log in</translation>
    </message>
    <message>
        <source>Veilig Huisbezoek</source>
        <translation>Veilig Huisbezoek</translation>
    </message>
    <message>
        <source>Log in met uw eigen naam en wachtwoord.</source>
        <translation>Log in with your own name and password.</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Let op: Caps Lock staat aan.</source>
        <translation>Note: Caps Lock is on.</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Inloggen</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Inloggen</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>&amp;Taal / Language</source>
        <translation>Lan&amp;guage / Taal</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>⚠ ALARM — {title}</source>
        <translation>⚠ ALARM — {title}</translation>
    </message>
    <message>
        <source>Overgedragen: {name} kijkt nu mee.</source>
        <translation>Handed over: {name} is watching now.</translation>
    </message>
    <message>
        <source>{name} kijkt nu mee vanaf deze computer.</source>
        <translation>{name} is now watching from this computer.</translation>
    </message>
    <message>
        <source>Veilig Huisbezoek is gestart. Klik op dit pictogram om in te loggen en weer mee te kijken.</source>
        <translation>Veilig Huisbezoek has started. Click this icon to log in and watch again.</translation>
    </message>
</context>
<context>
    <name>MyVisitsForm</name>
    <message>
        <source>Mijn bezoeken</source>
        <translation>My visits</translation>
    </message>
    <message>
        <source>Uw bezoeken die nog niet zijn afgerond. Kies een bezoek en gebruik de knoppen eronder: vertrekken, en na afloop ‘Terug, veilig’ of ‘Terug, er was een incident’.</source>
        <translation>Your visits that are not finished yet. Choose a visit and use the buttons below it: depart, and afterwards ‘Back, safe’ or ‘Back, there was an incident’.</translation>
    </message>
    <message>
        <source>&amp;Open bezoeken</source>
        <translation>&amp;Open visits</translation>
    </message>
    <message>
        <source>Open bezoeken</source>
        <translation>Open visits</translation>
    </message>
    <message>
        <source>U heeft geen open bezoeken. Een nieuw bezoek bereidt u voor onder ‘Bezoek voorbereiden’.</source>
        <translation>You have no open visits. You prepare a new visit under ‘Prepare visit’.</translation>
    </message>
    <message>
        <source>Gekozen bezoek</source>
        <translation>Selected visit</translation>
    </message>
    <message>
        <source>&amp;Plannen</source>
        <translation>&amp;Schedule</translation>
    </message>
    <message>
        <source>Gekozen concept plannen</source>
        <translation>Schedule the selected draft</translation>
    </message>
    <message>
        <source>Ve&amp;rtrekken</source>
        <translation>De&amp;part</translation>
    </message>
    <message>
        <source>Vertrekken naar het gekozen bezoek</source>
        <translation>Depart for the selected visit</translation>
    </message>
    <message>
        <source>Terug, v&amp;eilig</source>
        <translation>Back, s&amp;afe</translation>
    </message>
    <message>
        <source>Terug, veilig</source>
        <translation>Back, safe</translation>
    </message>
    <message>
        <source>Terug, er was een &amp;incident</source>
        <translation>Back, there was an &amp;incident</translation>
    </message>
    <message>
        <source>Terug, er was een incident</source>
        <translation>Back, there was an incident</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Details van het gekozen bezoek</source>
        <translation>Details of the selected visit</translation>
    </message>
    <message>
        <source>Aankondigings&amp;brief (PDF)…</source>
        <translation>Announcement &amp;letter (PDF)…</translation>
    </message>
    <message>
        <source>Aankondigingsbrief als PDF opslaan</source>
        <translation>Save the announcement letter as PDF</translation>
    </message>
    <message>
        <source>De brief waarmee u het bezoek schriftelijk aankondigt</source>
        <translation>The letter announcing the visit in writing</translation>
    </message>
    <message>
        <source>In a&amp;genda (.ics)…</source>
        <translation>To a&amp;genda (.ics)…</translation>
    </message>
    <message>
        <source>Bezoek als agenda-item opslaan</source>
        <translation>Save the visit as an agenda item</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Na een incident</source>
        <translation>After an incident</translation>
    </message>
    <message>
        <source>Er was een incident</source>
        <translation>There was an incident</translation>
    </message>
    <message>
        <source>Wat u nu doet</source>
        <translation>What you do now</translation>
    </message>
</context>
<context>
    <name>MyVisitsModel</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Buddy</source>
        <translation>Buddy</translation>
    </message>
    <message>
        <source>Verwacht terug</source>
        <translation>Expected back</translation>
    </message>
    <message>
        <source>Volgend terugbelmoment</source>
        <translation>Next call-back</translation>
    </message>
    <message>
        <source>{name} kijkt mee</source>
        <translation>{name} is watching</translation>
    </message>
    <message>
        <source>niemand kijkt mee sinds {time}</source>
        <translation>nobody watching since {time}</translation>
    </message>
    <message>
        <source>Concept — wacht op toestemming leidinggevende</source>
        <translation>Draft — awaiting the team leader’s consent</translation>
    </message>
    <message>
        <source>Concept — toestemming van {name}</source>
        <translation>Draft — consent from {name}</translation>
    </message>
    <message>
        <source>Buddy: {buddy}. {watch}.</source>
        <translation>Buddy: {buddy}. {watch}.</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>MyVisitsPage</name>
    <message>
        <source>Mijn bezoeken</source>
        <translation>My visits</translation>
    </message>
    <message>
        <source>{address} — {level} — {state}</source>
        <translation>{address} — {level} — {state}</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Bezoek gepland: {address}. Vertrek met ‘Vertrekken’.</source>
        <translation>Visit scheduled: {address}. Leave with ‘Depart’.</translation>
    </message>
    <message>
        <source>Vertrekken mislukt door een onverwachte fout.</source>
        <translation>Leaving failed because of an unexpected error.</translation>
    </message>
    <message>
        <source> Uw buddy {buddy} belt u om {time}.</source>
        <translation> Your buddy {buddy} will call you at {time}.</translation>
    </message>
    <message>
        <source>U bent onderweg naar {address}.</source>
        <translation>You are on your way to {address}.</translation>
    </message>
    <message>
        <source> Terug? Kies dan ‘Terug, veilig’.</source>
        <translation> Back? Then choose ‘Back, safe’.</translation>
    </message>
    <message>
        <source>Het bezoek aan {address} beëindigen met ‘er was een incident’?</source>
        <translation>End the visit to {address} with ‘there was an incident’?</translation>
    </message>
    <message>
        <source>&amp;Ja, er was een incident</source>
        <translation>&amp;Yes, there was an incident</translation>
    </message>
    <message>
        <source>Bent u veilig terug van het bezoek aan {address}?</source>
        <translation>Are you safely back from the visit to {address}?</translation>
    </message>
    <message>
        <source>&amp;Ja, ik ben veilig terug</source>
        <translation>&amp;Yes, I am safely back</translation>
    </message>
    <message>
        <source>Bezoek beëindigen</source>
        <translation>End visit</translation>
    </message>
    <message>
        <source>&amp;Nee, nog niet</source>
        <translation>&amp;No, not yet</translation>
    </message>
    <message>
        <source>Het bezoek is beëindigd: terug, er was een incident.</source>
        <translation>The visit has ended: back, there was an incident.</translation>
    </message>
    <message>
        <source>Welkom terug. Het bezoek is beëindigd: terug, veilig.</source>
        <translation>Welcome back. The visit has ended: back, safe.</translation>
    </message>
    <message>
        <source>Zorg eerst voor uw eigen veiligheid. Is er direct gevaar, bel dan {emergency}; ga na letsel naar een arts.
Informeer nu uw leidinggevende over wat er is gebeurd.
Vul daarna het incidentformulier in (wie, wat, waar, wanneer en hoe); het staat al voor u open.</source>
        <translation>First make sure you are safe. In immediate danger, call {emergency}; after an injury, see a doctor.
Tell your team leader now what happened.
Then fill in the incident form (who, what, where, when and how); it is already open for you.</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden opgeslagen.</source>
        <translation>The file could not be saved.</translation>
    </message>
    <message>
        <source>Opgeslagen: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
</context>
<context>
    <name>NoteDetailHtml</name>
    <message>
        <source>Kies een notitie in de lijst om haar te lezen.</source>
        <translation>Choose a note in the list to read it.</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>op {when}</source>
        <translation>on {when}</translation>
    </message>
    <message>
        <source>waarschuwt bij het plannen van een bezoek</source>
        <translation>warns when a visit is planned</translation>
    </message>
    <message>
        <source>waarschuwt niet meer (vervaldatum voorbij)</source>
        <translation>no longer warns (expiry date passed)</translation>
    </message>
    <message>
        <source>wacht op goedkeuring door een leidinggevende</source>
        <translation>awaiting approval by a team leader</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Categorie:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Datum incident:</source>
        <translation>Incident date:</translation>
    </message>
    <message>
        <source>Herbeoordeling te laat: de datum {date} is voorbij. Is de notitie nog nodig? Kies Herbeoordeeld of Intrekken.</source>
        <translation>Review overdue: the date {date} has passed. Is the note still needed? Choose Reviewed or Withdraw.</translation>
    </message>
    <message>
        <source>U heeft deze notitie zelf voorgesteld: een andere leidinggevende moet haar goedkeuren (vier-ogenprincipe).</source>
        <translation>You proposed this note yourself: another team leader must approve it (four-eyes principle).</translation>
    </message>
    <message>
        <source>Wat is er gebeurd</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Voorzorgsmaatregelen</source>
        <translation>Precautions</translation>
    </message>
    <message>
        <source>Geen voorzorgsmaatregelen vastgelegd.</source>
        <translation>No precautions recorded.</translation>
    </message>
    <message>
        <source>Beheer</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>Voorgesteld door</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Afgewezen door</source>
        <translation>Rejected by</translation>
    </message>
    <message>
        <source>Goedgekeurd door</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>(te laat)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>Herbeoordelen vóór</source>
        <translation>Review before</translation>
    </message>
    <message>
        <source>Waarschuwt tot</source>
        <translation>Warns until</translation>
    </message>
    <message>
        <source>Ingetrokken op</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Veilig Huisbezoek &amp;openen</source>
        <translation>&amp;Open Veilig Huisbezoek</translation>
    </message>
    <message>
        <source>&amp;Over Veilig Huisbezoek…</source>
        <translation>&amp;About Veilig Huisbezoek…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Veilig Huisbezoek — alarm: open de app</source>
        <translation>Veilig Huisbezoek — alarm: open the app</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>een collega</source>
        <translation>a colleague</translation>
    </message>
    <message>
        <source>Terugbelmoment</source>
        <translation>Call-back</translation>
    </message>
    <message>
        <source>Bel nu {name}.</source>
        <translation>Call {name} now.</translation>
    </message>
    <message>
        <source>Te laat terug</source>
        <translation>Overdue return</translation>
    </message>
    <message>
        <source>{name} is nog niet terug.</source>
        <translation>{name} is not back yet.</translation>
    </message>
    <message>
        <source>Escalatie</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Alarm voor het bezoek van {name} is niet bevestigd.</source>
        <translation>The alarm for {name}&apos;s visit has not been acknowledged.</translation>
    </message>
    <message>
        <source>Buddy niet bereikbaar</source>
        <translation>Buddy unreachable</translation>
    </message>
    <message>
        <source>Niemand kijkt mee bij het bezoek van {name}.</source>
        <translation>Nobody is watching {name}&apos;s visit.</translation>
    </message>
    <message>
        <source>Noodsituatie</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>De buddy van {name} heeft alarm geslagen.</source>
        <translation>{name}&apos;s buddy raised the alarm.</translation>
    </message>
    <message>
        <source>Vertrokken zonder bereikbare buddy</source>
        <translation>Left without a reachable buddy</translation>
    </message>
    <message>
        <source>{name} is vertrokken zonder bereikbare buddy.</source>
        <translation>{name} left without a reachable buddy.</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Er verloopt een termijn.</source>
        <translation>A deadline is passing.</translation>
    </message>
    <message>
        <source>TE LAAT (oorspronkelijk {time}): {message}</source>
        <translation>LATE (originally {time}): {message}</translation>
    </message>
    <message>
        <source>Open Veilig Huisbezoek voor de gegevens.</source>
        <translation>Open Veilig Huisbezoek for the details.</translation>
    </message>
    <message>
        <source>Bureaubladmeldingen zijn niet beschikbaar; alarmen verschijnen in de app.</source>
        <translation>Desktop notifications are not available; alarms appear in the app.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord voor {user}</source>
        <translation>New password for {user}</translation>
    </message>
    <message>
        <source>Kies een wachtwoord van minstens 10 tekens dat niet te raden is, bijvoorbeeld een zin van een paar woorden. De database wordt niet opnieuw versleuteld.</source>
        <translation>Choose a password of at least 10 characters that cannot be guessed, for example a sentence of a few words. The database is not re-encrypted.</translation>
    </message>
    <message>
        <source>Een nieuw wachtwoord voor {user}, die het vergeten is of bij wie het is uitgelekt. Geef het persoonlijk door; het oude wachtwoord werkt daarna niet meer, en de database krijgt een nieuwe sleutel. Bij de volgende aanmelding ziet {user} wie het wachtwoord herstelde en wanneer.</source>
        <translation>A new password for {user}, who has forgotten it or whose password has leaked. Hand it over in person; the old password stops working, and the database gets a new key. At the next login {user} sees who reset the password and when.</translation>
    </message>
    <message>
        <source>De nieuwe wachtwoorden zijn niet gelijk.</source>
        <translation>The new passwords do not match.</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Het nieuwe wachtwoord is ingesteld.</source>
        <translation>The new password has been set.</translation>
    </message>
    <message>
        <source>Opslaan mislukt door een onverwachte fout.</source>
        <translation>Saving failed because of an unexpected error.</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Huidig wachtwoord</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>Huidig wachtwoord</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>&amp;Herhaal nieuw wachtwoord</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>Herhaal nieuw wachtwoord</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PasswordNotice</name>
    <message>
        <source>Uw wachtwoord is op {date} om {time} opnieuw ingesteld door {name}.</source>
        <translation>Your password was reset on {date} at {time} by {name}.</translation>
    </message>
    <message>
        <source>Medeondertekend door {name}.</source>
        <translation>Co-signed by {name}.</translation>
    </message>
    <message>
        <source>Vroeg u hier niet zelf om? Meld het dan meteen bij uw leidinggevende.</source>
        <translation>Did you not ask for this yourself? Then tell your team leader at once.</translation>
    </message>
    <message>
        <source>Uw wachtwoord is hersteld</source>
        <translation>Your password was reset</translation>
    </message>
</context>
<context>
    <name>PrepareVisitForm</name>
    <message>
        <source>Bezoek voorbereiden</source>
        <translation>Prepare visit</translation>
    </message>
    <message>
        <source>Stappen</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>1 Adres</source>
        <translation>1 Address</translation>
    </message>
    <message>
        <source>2 Risicocheck</source>
        <translation>2 Risk check</translation>
    </message>
    <message>
        <source>3 Advies</source>
        <translation>3 Advice</translation>
    </message>
    <message>
        <source>4 Plan</source>
        <translation>4 Plan</translation>
    </message>
    <message>
        <source>5 Controle</source>
        <translation>5 Review</translation>
    </message>
    <message>
        <source>Adres van dit bezoek</source>
        <translation>Address of this visit</translation>
    </message>
    <message>
        <source>Waarschuwing onveilig adres</source>
        <translation>Unsafe address warning</translation>
    </message>
    <message>
        <source>⚠ Waarschuwing: dit adres staat in het register onveilige adressen</source>
        <translation>⚠ Warning: this address is in the unsafe-address register</translation>
    </message>
    <message>
        <source>Huidige stap</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>Stap 1 van 5 — Waar gaat u naartoe?</source>
        <translation>Step 1 of 5 — Where are you going?</translation>
    </message>
    <message>
        <source>Vul het adres in. Zodra postcode en huisnummer zijn ingevuld, kijkt de app in het register onveilige adressen.</source>
        <translation>Enter the address. As soon as the postcode and house number are filled in, the app checks the unsafe-address register.</translation>
    </message>
    <message>
        <source>&amp;Straat</source>
        <translation>&amp;Street</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Fout bij straat</source>
        <translation>Error in street</translation>
    </message>
    <message>
        <source>&amp;Huisnummer</source>
        <translation>House n&amp;umber</translation>
    </message>
    <message>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>&amp;Toevoeging</source>
        <translation>A&amp;ddition</translation>
    </message>
    <message>
        <source>Toevoeging bij het huisnummer</source>
        <translation>House number addition</translation>
    </message>
    <message>
        <source>bijv. A of 2</source>
        <translation>e.g. A or 2</translation>
    </message>
    <message>
        <source>Fout bij huisnummer</source>
        <translation>Error in house number</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>1234 AB</source>
        <translation>1234 AB</translation>
    </message>
    <message>
        <source>Fout bij postcode</source>
        <translation>Error in postcode</translation>
    </message>
    <message>
        <source>Pl&amp;aats</source>
        <translation>&amp;City</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Fout bij plaats</source>
        <translation>Error in city</translation>
    </message>
    <message>
        <source>Uitkomst registercontrole</source>
        <translation>Result of the register check</translation>
    </message>
    <message>
        <source>Stap 2 van 5 — Risicocheck (ARIH)</source>
        <translation>Step 2 of 5 — Risk check (ARIH)</translation>
    </message>
    <message>
        <source>Beantwoord elke vraag met ja, nee of weet ik niet. Met Tab gaat u naar de volgende vraag, met de pijltjestoetsen kiest u het antwoord.</source>
        <translation>Answer every question with yes, no or don’t know. Tab takes you to the next question; the arrow keys choose the answer.</translation>
    </message>
    <message>
        <source>Vragen van de risicocheck</source>
        <translation>Risk check questions</translation>
    </message>
    <message>
        <source>Uitkomst van de risicocheck</source>
        <translation>Result of the risk check</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Advies</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>Toelichting bij het advies</source>
        <translation>Explanation of the advice</translation>
    </message>
    <message>
        <source>Stap 3 van 5 — Advies</source>
        <translation>Step 3 of 5 — Advice</translation>
    </message>
    <message>
        <source>Wie gaat er mee?</source>
        <translation>Who is going with you?</translation>
    </message>
    <message>
        <source>Vink de collega&apos;s aan die met u meegaan (met de spatiebalk). Laat alles leeg als u alleen gaat.</source>
        <translation>Tick the colleagues who go with you (with the space bar). Leave everything empty if you go alone.</translation>
    </message>
    <message>
        <source>&amp;Collega&apos;s die meegaan</source>
        <translation>&amp;Colleagues going along</translation>
    </message>
    <message>
        <source>Collega&apos;s die meegaan</source>
        <translation>Colleagues going along</translation>
    </message>
    <message>
        <source>Fout bij collega&apos;s</source>
        <translation>Error in colleagues</translation>
    </message>
    <message>
        <source>Rollen en &amp;taakverdeling</source>
        <translation>Roles and &amp;tasks</translation>
    </message>
    <message>
        <source>Rollen en taakverdeling</source>
        <translation>Roles and tasks</translation>
    </message>
    <message>
        <source>bijv. Sanne voert het gesprek, Ahmed observeert</source>
        <translation>e.g. Sanne leads the conversation, Ahmed observes</translation>
    </message>
    <message>
        <source>Fout bij rollen</source>
        <translation>Error in roles</translation>
    </message>
    <message>
        <source>Afwijken van het advies</source>
        <translation>Deviating from the advice</translation>
    </message>
    <message>
        <source>R&amp;eden om af te wijken van het advies (verplicht)</source>
        <translation>R&amp;eason for deviating from the advice (required)</translation>
    </message>
    <message>
        <source>Reden om af te wijken van het advies</source>
        <translation>Reason for deviating from the advice</translation>
    </message>
    <message>
        <source>Fout bij reden om af te wijken</source>
        <translation>Error in reason for deviating</translation>
    </message>
    <message>
        <source>Toestemming leidinggevende</source>
        <translation>Team leader’s consent</translation>
    </message>
    <message>
        <source>Stand van de toestemming</source>
        <translation>Consent status</translation>
    </message>
    <message>
        <source>&amp;Leidinggevende tekent nu…</source>
        <translation>Team &amp;leader signs now…</translation>
    </message>
    <message>
        <source>Leidinggevende tekent nu</source>
        <translation>Team leader signs now</translation>
    </message>
    <message>
        <source>Toestemming later &amp;aanvragen</source>
        <translation>Request consent l&amp;ater</translation>
    </message>
    <message>
        <source>Toestemming later aanvragen</source>
        <translation>Request consent later</translation>
    </message>
    <message>
        <source>Tekent uw leidinggevende nu, dan wordt de toestemming met naam en reden bij het opslaan vastgelegd. Vraagt u later toestemming, dan slaat u het bezoek in stap 5 op als concept; uw leidinggevende geeft toestemming vanuit het eigen scherm en daarna plant u het bezoek in Mijn bezoeken.</source>
        <translation>If your team leader signs now, the consent is recorded with name and reason when you save. If you ask for consent later, you save the visit as a draft in step 5; your team leader gives consent from their own screen and then you schedule the visit in My visits.</translation>
    </message>
    <message>
        <source>Stap 4 van 5 — Plan</source>
        <translation>Step 4 of 5 — Plan</translation>
    </message>
    <message>
        <source>Tijden zijn Nederlandse tijd. Uw buddy blijft op kantoor en belt u op de terugbelmomenten.</source>
        <translation>Times are Dutch time. Your buddy stays at the office and calls you at the call-back times.</translation>
    </message>
    <message>
        <source>Re&amp;den van het bezoek</source>
        <translation>&amp;Reason for the visit</translation>
    </message>
    <message>
        <source>Reden van het bezoek</source>
        <translation>Reason for the visit</translation>
    </message>
    <message>
        <source>Fout bij reden</source>
        <translation>Error in reason</translation>
    </message>
    <message>
        <source>&amp;Belangrijkste bewoners</source>
        <translation>Main re&amp;sidents</translation>
    </message>
    <message>
        <source>Belangrijkste bewoners</source>
        <translation>Main residents</translation>
    </message>
    <message>
        <source>Fout bij bewoners</source>
        <translation>Error in residents</translation>
    </message>
    <message>
        <source>&amp;Cliënt(en)</source>
        <translation>&amp;Client(s)</translation>
    </message>
    <message>
        <source>Cliënt of cliënten</source>
        <translation>Client or clients</translation>
    </message>
    <message>
        <source>Fout bij cliënten</source>
        <translation>Error in clients</translation>
    </message>
    <message>
        <source>Telefoon c&amp;liënt</source>
        <translation>Client p&amp;hone</translation>
    </message>
    <message>
        <source>Telefoonnummer cliënt</source>
        <translation>Client’s phone number</translation>
    </message>
    <message>
        <source>bijv. 06 12345678 (mag leeg)</source>
        <translation>e.g. 06 12345678 (may be left empty)</translation>
    </message>
    <message>
        <source>Fout bij telefoonnummer</source>
        <translation>Error in phone number</translation>
    </message>
    <message>
        <source>T&amp;olk gaat mee</source>
        <translation>&amp;Interpreter comes along</translation>
    </message>
    <message>
        <source>Tolk gaat mee</source>
        <translation>Interpreter comes along</translation>
    </message>
    <message>
        <source>Bezoek is schriftelijk &amp;aangekondigd</source>
        <translation>Visit &amp;announced in writing</translation>
    </message>
    <message>
        <source>Bezoek is schriftelijk aangekondigd</source>
        <translation>Visit announced in writing</translation>
    </message>
    <message>
        <source>Geplande &amp;start</source>
        <translation>&amp;Planned start</translation>
    </message>
    <message>
        <source>Geplande start (datum en tijd)</source>
        <translation>Planned start (date and time)</translation>
    </message>
    <message>
        <source>Welk uur bij de start: de klok gaat die nacht terug</source>
        <translation>Which hour for the start: the clocks go back that night</translation>
    </message>
    <message>
        <source>Dit uur komt twee keer voor:</source>
        <translation>This hour occurs twice:</translation>
    </message>
    <message>
        <source>eerste keer (zomertijd)</source>
        <translation>first time (summer time)</translation>
    </message>
    <message>
        <source>Start: eerste keer, zomertijd</source>
        <translation>Start: first time, summer time</translation>
    </message>
    <message>
        <source>tweede keer (wintertijd)</source>
        <translation>second time (winter time)</translation>
    </message>
    <message>
        <source>Start: tweede keer, wintertijd</source>
        <translation>Start: second time, winter time</translation>
    </message>
    <message>
        <source>Fout bij geplande start</source>
        <translation>Error in planned start</translation>
    </message>
    <message>
        <source>Verwachte terug&amp;komst</source>
        <translation>&amp;Expected return</translation>
    </message>
    <message>
        <source>Verwachte terugkomst (datum en tijd)</source>
        <translation>Expected return (date and time)</translation>
    </message>
    <message>
        <source>Welk uur bij de terugkomst: de klok gaat die nacht terug</source>
        <translation>Which hour for the return: the clocks go back that night</translation>
    </message>
    <message>
        <source>Terugkomst: eerste keer, zomertijd</source>
        <translation>Return: first time, summer time</translation>
    </message>
    <message>
        <source>Terugkomst: tweede keer, wintertijd</source>
        <translation>Return: second time, winter time</translation>
    </message>
    <message>
        <source>Fout bij verwachte terugkomst</source>
        <translation>Error in expected return</translation>
    </message>
    <message>
        <source>Budd&amp;y (blijft op kantoor)</source>
        <translation>Budd&amp;y (stays at the office)</translation>
    </message>
    <message>
        <source>Buddy die u terugbelt</source>
        <translation>Buddy who calls you back</translation>
    </message>
    <message>
        <source>Fout bij buddy</source>
        <translation>Error in buddy</translation>
    </message>
    <message>
        <source>Terugbel&amp;momenten</source>
        <translation>Call-back ti&amp;mes</translation>
    </message>
    <message>
        <source>Terugbelmomenten</source>
        <translation>Call-back times</translation>
    </message>
    <message>
        <source>&amp;Tijd van het moment</source>
        <translation>&amp;Time of the call-back</translation>
    </message>
    <message>
        <source>Tijd van het terugbelmoment</source>
        <translation>Time of the call-back</translation>
    </message>
    <message>
        <source>Moment to&amp;evoegen</source>
        <translation>A&amp;dd time</translation>
    </message>
    <message>
        <source>Terugbelmoment toevoegen</source>
        <translation>Add a call-back time</translation>
    </message>
    <message>
        <source>Aan&amp;passen</source>
        <translation>&amp;Update</translation>
    </message>
    <message>
        <source>Gekozen terugbelmoment aanpassen</source>
        <translation>Change the selected call-back time</translation>
    </message>
    <message>
        <source>Verw&amp;ijderen</source>
        <translation>Remo&amp;ve</translation>
    </message>
    <message>
        <source>Gekozen terugbelmoment verwijderen</source>
        <translation>Remove the selected call-back time</translation>
    </message>
    <message>
        <source>Standaard &amp;herstellen</source>
        <translation>Restore defau&amp;lts</translation>
    </message>
    <message>
        <source>Standaard terugbelmomenten herstellen</source>
        <translation>Restore the default call-back times</translation>
    </message>
    <message>
        <source>Toelichting terugbelmomenten</source>
        <translation>About the call-back times</translation>
    </message>
    <message>
        <source>Fout bij terugbelmomenten</source>
        <translation>Error in call-back times</translation>
    </message>
    <message>
        <source>Stap 5 van 5 — Controleer en sla op</source>
        <translation>Step 5 of 5 — Check and save</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Samenvatting van het bezoek</source>
        <translation>Summary of the visit</translation>
    </message>
    <message>
        <source>Fout bij opslaan</source>
        <translation>Error when saving</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Formulier &amp;wissen</source>
        <translation>Clear &amp;form</translation>
    </message>
    <message>
        <source>Formulier wissen en opnieuw beginnen</source>
        <translation>Clear the form and start again</translation>
    </message>
    <message>
        <source>‹ Vo&amp;rige</source>
        <translation>‹ &amp;Back</translation>
    </message>
    <message>
        <source>Vorige stap</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>Volge&amp;nde ›</source>
        <translation>&amp;Next ›</translation>
    </message>
    <message>
        <source>Volgende stap</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Opslaan als &amp;concept (toestemming later)</source>
        <translation>Save as &amp;draft (consent later)</translation>
    </message>
    <message>
        <source>Opslaan als concept, toestemming later</source>
        <translation>Save as draft, consent later</translation>
    </message>
    <message>
        <source>&amp;Opslaan en plannen</source>
        <translation>&amp;Save and schedule</translation>
    </message>
    <message>
        <source>Opslaan en plannen</source>
        <translation>Save and schedule</translation>
    </message>
</context>
<context>
    <name>PrepareVisitPage</name>
    <message>
        <source>Bezoek voorbereiden</source>
        <translation>Prepare visit</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Risicocheck</source>
        <translation>Risk check</translation>
    </message>
    <message>
        <source>Advies</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Controle</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>— kies de reden —</source>
        <translation>— choose the reason —</translation>
    </message>
    <message>
        <source>De risicocheck kan niet worden geladen: {error}</source>
        <translation>The risk check cannot be loaded: {error}</translation>
    </message>
    <message>
        <source>— kies uw buddy —</source>
        <translation>— choose your buddy —</translation>
    </message>
    <message>
        <source>Nog niet compleet: zie de melding bij het veld.</source>
        <translation>Not complete yet: see the message at the field.</translation>
    </message>
    <message>
        <source>Stap {n}: {name}, huidige stap</source>
        <translation>Step {n}: {name}, current step</translation>
    </message>
    <message>
        <source>Stap {n}: {name}</source>
        <translation>Step {n}: {name}</translation>
    </message>
    <message>
        <source>Stap {n} van {total}: {name}</source>
        <translation>Step {n} of {total}: {name}</translation>
    </message>
    <message>
        <source>Volge&amp;nde: {name} ›</source>
        <translation>&amp;Next: {name} ›</translation>
    </message>
    <message>
        <source>Volgende stap: {name}</source>
        <translation>Next step: {name}</translation>
    </message>
    <message>
        <source>Het register onveilige adressen wordt geraadpleegd…</source>
        <translation>Consulting the register of unsafe addresses…</translation>
    </message>
    <message>
        <source>⚠ Het register onveilige adressen kon niet worden geraadpleegd ({error}). Beantwoord de registervraag in de risicocheck zelf.</source>
        <translation>⚠ The unsafe-address register could not be consulted ({error}). Answer the register question in the risk check yourself.</translation>
    </message>
    <message>
        <source>Het register kon niet worden geraadpleegd: beantwoord deze vraag zelf.</source>
        <translation>The register could not be consulted: answer this question yourself.</translation>
    </message>
    <message>
        <source>Wordt automatisch ingevuld zodra het adres bekend is.</source>
        <translation>Filled in automatically once the address is known.</translation>
    </message>
    <message>
        <source>⚠ Dit adres staat in het register onveilige adressen: zie boven.</source>
        <translation>⚠ This address is in the unsafe-address register: see above.</translation>
    </message>
    <message>
        <source>⚠ Automatisch ja: er is een actieve notitie in het register (zie de waarschuwing).</source>
        <translation>⚠ Automatically yes: there is an active note in the register (see the warning).</translation>
    </message>
    <message>
        <source>✔ Geen waarschuwing in het register onveilige adressen voor {key}.</source>
        <translation>✔ No warning in the unsafe-address register for {key}.</translation>
    </message>
    <message>
        <source>Automatisch nee: geen actieve notitie in het register.</source>
        <translation>Automatically no: no active note in the register.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{category}&lt;/b&gt; — incident op {date} — {address}</source>
        <translation>&lt;b&gt;{category}&lt;/b&gt; — incident on {date} — {address}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Voorzorgsmaatregelen:&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;Precautions:&lt;/b&gt; {text}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{category}&lt;/b&gt; ({date})</source>
        <translation>&lt;b&gt;{category}&lt;/b&gt; ({date})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waarom dit niveau:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Why this level:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nog {n} van {total} vragen zonder antwoord; die tellen nu als ‘weet ik niet’.</source>
        <translation>{n} of {total} questions still unanswered; for now they count as ‘don’t know’.</translation>
    </message>
    <message>
        <source>✔ Alle vragen zijn beantwoord.</source>
        <translation>✔ All questions have been answered.</translation>
    </message>
    <message>
        <source>Beantwoord eerst alle vragen ({n} open). Weet u het niet, kies dan ‘weet ik niet’.</source>
        <translation>First answer all questions ({n} open). If you do not know, choose ‘don’t know’.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Voorzorgsmaatregelen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Precautions&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waarom dit niveau&lt;/b&gt;</source>
        <translation>&lt;b&gt;Why this level&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Het advies bij {level} is om niet alleen te gaan. Gaat u toch alleen, leg dan vast waarom. Uw leidinggevende kan dit teruglezen.</source>
        <translation>The advice at {level} is not to go alone. If you go alone anyway, record why. Your team leader can read this back.</translation>
    </message>
    <message>
        <source>De toestemming van de leidinggevende is vervallen, omdat het adres of de risicocheck is gewijzigd. Laat uw leidinggevende opnieuw tekenen.</source>
        <translation>The team leader’s consent has lapsed because the address or the risk check has changed. Ask your team leader to sign again.</translation>
    </message>
    <message>
        <source>✔ Toestemming van &lt;b&gt;{name}&lt;/b&gt;: {reason}</source>
        <translation>✔ Consent from &lt;b&gt;{name}&lt;/b&gt;: {reason}</translation>
    </message>
    <message>
        <source>U vraagt later toestemming: in stap 5 slaat u het bezoek op als concept.</source>
        <translation>You will ask for consent later: in step 5 you save the visit as a draft.</translation>
    </message>
    <message>
        <source>⚠ Nog geen toestemming. Zonder vastgelegde toestemming van uw leidinggevende kan dit bezoek niet worden gepland.</source>
        <translation>⚠ No consent yet. Without recorded consent from your team leader this visit cannot be scheduled.</translation>
    </message>
    <message>
        <source>(adres nog niet ingevuld)</source>
        <translation>(address not filled in yet)</translation>
    </message>
    <message>
        <source>Bezoek van {visitor} aan {address}; risiconiveau rood.</source>
        <translation>Visit by {visitor} to {address}; risk level red.</translation>
    </message>
    <message>
        <source>Toestemming van {name} genoteerd; deze wordt vastgelegd bij het opslaan.</source>
        <translation>Consent from {name} noted; it is recorded when you save.</translation>
    </message>
    <message>
        <source>U heeft de momenten zelf aangepast; een andere start- of terugkomsttijd verandert ze niet meer. Kies ‘Standaard herstellen’ om ze opnieuw in te vullen.</source>
        <translation>You have changed the times yourself; a different start or return time no longer changes them. Choose ‘Restore defaults’ to fill them in again.</translation>
    </message>
    <message>
        <source>Standaard bij {level}: kort na aankomst, elk half uur daarna en bij de verwachte terugkomst.</source>
        <translation>Default at {level}: shortly after arrival, every half hour after that and at the expected return.</translation>
    </message>
    <message>
        <source>Standaard: kort na aankomst en bij de verwachte terugkomst.</source>
        <translation>Default: shortly after arrival and at the expected return.</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>uzelf ({name})</source>
        <translation>yourself ({name})</translation>
    </message>
    <message>
        <source>geen nummer bekend</source>
        <translation>no number known</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Geplande start</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Verwachte terugkomst</source>
        <translation>Expected return</translation>
    </message>
    <message>
        <source>Wie gaan er</source>
        <translation>Who is going</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Buddy</source>
        <translation>Buddy</translation>
    </message>
    <message>
        <source>Terugbelmomenten</source>
        <translation>Call-back times</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Cliënt(en)</source>
        <translation>Client(s)</translation>
    </message>
    <message>
        <source>Telefoon cliënt</source>
        <translation>Client phone</translation>
    </message>
    <message>
        <source>Tolk</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>Schriftelijk aangekondigd</source>
        <translation>Announced in writing</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>(actieve notitie, zie waarschuwing)</source>
        <translation>(active note, see warning)</translation>
    </message>
    <message>
        <source>Reden afwijking advies</source>
        <translation>Reason for deviating from the advice</translation>
    </message>
    <message>
        <source>maandag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>dinsdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>woensdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>donderdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>vrijdag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>zaterdag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>zondag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Bezoek gepland: {address}, {when}. Vertrek via Mijn bezoeken met ‘Vertrekken’.</source>
        <translation>Visit scheduled: {address}, {when}. Leave via My visits with ‘Depart’.</translation>
    </message>
    <message>
        <source>Bezoek gepland.</source>
        <translation>Visit scheduled.</translation>
    </message>
    <message>
        <source>Bezoek als concept opgeslagen: {address}, {when}. Uw leidinggevende geeft toestemming vanuit het eigen scherm; daarna plant u het in Mijn bezoeken.</source>
        <translation>Visit saved as a draft: {address}, {when}. Your team leader gives consent from their own screen; then you schedule it in My visits.</translation>
    </message>
    <message>
        <source>Bezoek als concept opgeslagen.</source>
        <translation>Visit saved as a draft.</translation>
    </message>
    <message>
        <source>Formulier wissen</source>
        <translation>Clear form</translation>
    </message>
    <message>
        <source>Alles wat u voor dit bezoek heeft ingevuld wissen en opnieuw beginnen?</source>
        <translation>Clear everything you have entered for this visit and start again?</translation>
    </message>
    <message>
        <source>&amp;Ja, wissen</source>
        <translation>&amp;Yes, clear</translation>
    </message>
    <message>
        <source>&amp;Nee, terug</source>
        <translation>&amp;No, go back</translation>
    </message>
    <message>
        <source>Het formulier is gewist.</source>
        <translation>The form has been cleared.</translation>
    </message>
</context>
<context>
    <name>RegisterFilters</name>
    <message>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Herbeoordeling te laat</source>
        <translation>Review overdue</translation>
    </message>
    <message>
        <source>Voorgesteld (wacht op goedkeuring)</source>
        <translation>Proposed (awaiting approval)</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Afgewezen</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Alle categorieën</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>1 notitie getoond.</source>
        <translation>1 note shown.</translation>
    </message>
    <message>
        <source>{count} notities getoond.</source>
        <translation>{count} notes shown.</translation>
    </message>
    <message>
        <source>Herbeoordeling te laat: {count}.</source>
        <translation>Review overdue: {count}.</translation>
    </message>
    <message>
        <source>Wacht op goedkeuring: {count}.</source>
        <translation>Awaiting approval: {count}.</translation>
    </message>
    <message>
        <source>Er wacht niets op u.</source>
        <translation>Nothing is waiting for you.</translation>
    </message>
    <message>
        <source>U ziet alleen de notities die u zelf heeft voorgesteld.</source>
        <translation>You only see the notes you proposed yourself.</translation>
    </message>
</context>
<context>
    <name>RegisterNoteForm</name>
    <message>
        <source>Nieuwe notitie voorstellen</source>
        <translation>Propose a new note</translation>
    </message>
    <message>
        <source>Notitie bewerken</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Notitie voorgesteld voor {address}. Een leidinggevende beoordeelt haar.</source>
        <translation>Note proposed for {address}. A team leader will assess it.</translation>
    </message>
    <message>
        <source>Bewerking opgeslagen als voorstel ({address}). De notitie blijft waarschuwen zoals ze was, tot een andere leidinggevende de bewerking goedkeurt.</source>
        <translation>Edit saved as a proposal ({address}). The note keeps warning as it was until another team leader approves the edit.</translation>
    </message>
    <message>
        <source>Voorstel bijgewerkt: {address}. Een andere leidinggevende keurt het goed.</source>
        <translation>Proposal updated: {address}. Another team leader approves it.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Adresregister</source>
        <translation>Address register</translation>
    </message>
    <message>
        <source>Wat uw aandacht vraagt</source>
        <translation>What needs your attention</translation>
    </message>
    <message>
        <source>&amp;Zoeken:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>adres, postcode of huisnummer</source>
        <translation>address, postcode or house number</translation>
    </message>
    <message>
        <source>Zoeken op adres, postcode of huisnummer</source>
        <translation>Search by address, postcode or house number</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Filter op status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>&amp;Categorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>Filter op categorie</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>&amp;Nieuwe notitie…</source>
        <translation>&amp;New note…</translation>
    </message>
    <message>
        <source>Nieuwe notitie voorstellen</source>
        <translation>Propose a new note</translation>
    </message>
    <message>
        <source>Leg een concreet incident op een adres vast. Een leidinggevende keurt de notitie goed.</source>
        <translation>Record a specific incident at an address. A team leader approves the note.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Notities in het register</source>
        <translation>Notes in the register</translation>
    </message>
    <message>
        <source>Te late herbeoordelingen staan bovenaan, daarna notities die wachten op goedkeuring. Druk op Enter om de notitie te lezen.</source>
        <translation>Overdue reviews are at the top, then notes awaiting approval. Press Enter to read the note.</translation>
    </message>
    <message>
        <source>Notitie in detail</source>
        <translation>Note in detail</translation>
    </message>
    <message>
        <source>&amp;Goedkeuren</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Notitie goedkeuren</source>
        <translation>Approve note</translation>
    </message>
    <message>
        <source>De notitie wordt actief en waarschuwt bij het plannen van een bezoek op dit adres.</source>
        <translation>The note becomes active and warns when a visit to this address is planned.</translation>
    </message>
    <message>
        <source>&amp;Afwijzen…</source>
        <translation>&amp;Reject…</translation>
    </message>
    <message>
        <source>Notitie afwijzen</source>
        <translation>Reject note</translation>
    </message>
    <message>
        <source>Afwijzen met een reden; de notitie waarschuwt niet.</source>
        <translation>Reject with a reason; the note does not warn.</translation>
    </message>
    <message>
        <source>&amp;Bewerken…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Notitie bewerken</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Adres, categorie, datum, omschrijving of voorzorgsmaatregelen corrigeren. De status blijft gelijk.</source>
        <translation>Correct the address, category, date, description or precautions. The status stays the same.</translation>
    </message>
    <message>
        <source>&amp;Herbeoordeeld</source>
        <translation>Re&amp;viewed</translation>
    </message>
    <message>
        <source>Notitie herbeoordeeld: nog steeds nodig</source>
        <translation>Note reviewed: still needed</translation>
    </message>
    <message>
        <source>De notitie is nog steeds nodig: de herbeoordelingsdatum schuift een termijn op.</source>
        <translation>The note is still needed: the review date moves on by one term.</translation>
    </message>
    <message>
        <source>&amp;Intrekken…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <source>Notitie intrekken</source>
        <translation>Withdraw note</translation>
    </message>
    <message>
        <source>Intrekken met een reden; de notitie waarschuwt daarna niet meer.</source>
        <translation>Withdraw with a reason; after that the note no longer warns.</translation>
    </message>
    <message>
        <source>Beschrijf feitelijk één concreet incident: wat er gebeurde, wanneer en door wie. Geen diagnoses of geruchten.</source>
        <translation>Describe one specific incident factually: what happened, when and by whom. No diagnoses or rumours.</translation>
    </message>
    <message>
        <source>S&amp;traat</source>
        <translation>St&amp;reet</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>H&amp;uisnummer</source>
        <translation>House n&amp;umber</translation>
    </message>
    <message>
        <source>bijvoorbeeld 12 of 12-A</source>
        <translation>for example 12 or 12-A</translation>
    </message>
    <message>
        <source>Huisnummer met toevoeging</source>
        <translation>House number with addition</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <source>1234 AB</source>
        <translation>1234 AB</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>P&amp;laats</source>
        <translation>C&amp;ity</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Cat&amp;egorie</source>
        <translation>Categor&amp;y</translation>
    </message>
    <message>
        <source>Categorie van het incident</source>
        <translation>Category of the incident</translation>
    </message>
    <message>
        <source>&amp;Datum incident</source>
        <translation>Incident dat&amp;e</translation>
    </message>
    <message>
        <source>Datum van het incident</source>
        <translation>Date of the incident</translation>
    </message>
    <message>
        <source>&amp;Omschrijving</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Wat gebeurde er feitelijk? Minstens 20 tekens.</source>
        <translation>What actually happened? At least 20 characters.</translation>
    </message>
    <message>
        <source>Omschrijving van het incident</source>
        <translation>Description of the incident</translation>
    </message>
    <message>
        <source>&amp;Voorzorgsmaatregelen</source>
        <translation>Prec&amp;autions</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: altijd met twee; politie vooraf informeren.</source>
        <translation>For example: always in pairs; inform the police beforehand.</translation>
    </message>
    <message>
        <source>Voorzorgsmaatregelen</source>
        <translation>Precautions</translation>
    </message>
    <message>
        <source>Foutmelding formulier</source>
        <translation>Form error message</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuleren, niets opslaan</source>
        <translation>Cancel, save nothing</translation>
    </message>
    <message>
        <source>Opsl&amp;aan</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>Notitie opslaan</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Wat u gaat doen</source>
        <translation>What you are about to do</translation>
    </message>
    <message>
        <source>Om welke notitie het gaat</source>
        <translation>Which note this is about</translation>
    </message>
    <message>
        <source>&amp;Reden (verplicht):</source>
        <translation>&amp;Reason (required):</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Foutmelding reden</source>
        <translation>Reason error message</translation>
    </message>
    <message>
        <source>Annuleren, niets wijzigen</source>
        <translation>Cancel, change nothing</translation>
    </message>
    <message>
        <source>&amp;Bevestigen</source>
        <translation>C&amp;onfirm</translation>
    </message>
    <message>
        <source>Bevestigen</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Er ging iets onverwachts mis. Probeer het opnieuw of meld het de beheerder.</source>
        <translation>Something unexpected went wrong. Try again or report it to the administrator.</translation>
    </message>
    <message>
        <source>Niet gelukt: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
    <message>
        <source>Notitie goedgekeurd: {address}. Bij dit adres wordt nu gewaarschuwd.</source>
        <translation>Note approved: {address}. Planning a visit to this address now shows a warning.</translation>
    </message>
    <message>
        <source>Herbeoordeling vastgelegd voor {address}. Volgende herbeoordeling vóór {date}.</source>
        <translation>Review recorded for {address}. Next review before {date}.</translation>
    </message>
</context>
<context>
    <name>RegisterReasonForm</name>
    <message>
        <source>Notitie afwijzen</source>
        <translation>Reject note</translation>
    </message>
    <message>
        <source>&amp;Afwijzen</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>Notitie intrekken</source>
        <translation>Withdraw note</translation>
    </message>
    <message>
        <source>&amp;Intrekken</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <source>Notitie afgewezen: {address}.</source>
        <translation>Note rejected: {address}.</translation>
    </message>
    <message>
        <source>Notitie ingetrokken: {address}. Er wordt niet meer gewaarschuwd.</source>
        <translation>Note withdrawn: {address}. It no longer warns.</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Datum incident</source>
        <translation>Incident date</translation>
    </message>
    <message>
        <source>Herbeoordelen vóór</source>
        <translation>Review before</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Verlopen</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Voorgesteld</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Afgewezen</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>{date} – te laat</source>
        <translation>{date} – overdue</translation>
    </message>
    <message>
        <source>Herbeoordeling te laat, was vóór {date}</source>
        <translation>Review overdue, was due before {date}</translation>
    </message>
    <message>
        <source>Voorgesteld, wacht op goedkeuring</source>
        <translation>Proposed, awaiting approval</translation>
    </message>
    <message>
        <source>Verlopen, waarschuwt niet meer</source>
        <translation>Expired, no longer warns</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapportages</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Aantallen voor de analyse per team: incidenten per maand, per soort gedrag en per kanaal, bezoeken per niveau, te late herbeoordelingen en reactietijden. Alleen getallen, geen namen of adressen.</source>
        <translation>Figures for the team&apos;s analysis: incidents per month, per kind of behaviour and per channel, visits per level, overdue reviews and response times. Numbers only, no names or addresses.</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Exporteren als &amp;CSV…</source>
        <translation>Export as &amp;CSV…</translation>
    </message>
    <message>
        <source>Exporteren als CSV</source>
        <translation>Export as CSV</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Reactietijden</source>
        <translation>Response times</translation>
    </message>
    <message>
        <source>Per maand: hoe snel de buddy belde na een terugbelmoment, hoe snel iemand een alarm bevestigde, en hoe lang niemand meekeek met een lopend bezoek (de mediaan en het 90e percentiel, in minuten:seconden). Een terugbelmoment zonder gesprek, een alarm dat niemand bevestigde en een bezoek dat nog onbewaakt is, tellen apart.</source>
        <translation>Per month: how soon the buddy called after a call-back moment, how soon someone acknowledged an alarm, and how long nobody watched a running visit (the median and the 90th percentile, in minutes:seconds). A call-back moment without a call, an alarm nobody acknowledged and a visit still unwatched are counted apart.</translation>
    </message>
    <message>
        <source>&amp;Onbewaakt: niemand keek mee tot weer bewaakt</source>
        <translation>&amp;Unwatched: nobody watched until watched again</translation>
    </message>
    <message>
        <source>Onbewaakte bezoeken per maand</source>
        <translation>Unwatched visits per month</translation>
    </message>
    <message>
        <source>Per maand: het aantal keren dat niemand meekeek met een lopend bezoek en daarna weer wel, de mediaan en het 90e percentiel van hoe lang, en het aantal dat nog onbewaakt is.</source>
        <translation>Per month: the number of times nobody watched a running visit and then someone did again, the median and the 90th percentile of how long, and the number still unwatched.</translation>
    </message>
    <message>
        <source>&amp;Terugbellen: terugbelmoment tot gesprek</source>
        <translation>&amp;Call-backs: call-back moment to call</translation>
    </message>
    <message>
        <source>Reactietijden terugbellen per maand</source>
        <translation>Call-back response times per month</translation>
    </message>
    <message>
        <source>Per maand: het aantal gebelde terugbelmomenten, de mediaan en het 90e percentiel van de tijd tot het gesprek, en het aantal niet gebelde.</source>
        <translation>Per month: the number of call-back moments called, the median and the 90th percentile of the time to the call, and the number not called.</translation>
    </message>
    <message>
        <source>&amp;Alarmen: alarm tot bevestigd</source>
        <translation>&amp;Alarms: alarm to acknowledged</translation>
    </message>
    <message>
        <source>Reactietijden alarmen per maand</source>
        <translation>Alarm response times per month</translation>
    </message>
    <message>
        <source>Per maand: het aantal bevestigde alarmen, de mediaan en het 90e percentiel van de tijd tot de bevestiging, en het aantal niet bevestigde.</source>
        <translation>Per month: the number of alarms acknowledged, the median and the 90th percentile of the time to the acknowledgement, and the number not acknowledged.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>laatste {n} maanden</source>
        <translation>last {n} months</translation>
    </message>
    <message>
        <source>Incidenten per maand</source>
        <translation>Incidents per month</translation>
    </message>
    <message>
        <source>Incidenten per soort gedrag</source>
        <translation>Incidents per kind of behaviour</translation>
    </message>
    <message>
        <source>Incidenten per kanaal</source>
        <translation>Incidents per channel</translation>
    </message>
    <message>
        <source>Bezoeken per niveau</source>
        <translation>Visits per level</translation>
    </message>
    <message>
        <source>Mediaan</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>Maand</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Gebeld</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Niet gebeld</source>
        <translation>Not called</translation>
    </message>
    <message>
        <source>Bevestigd</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Niet bevestigd</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <source>Weer bewaakt</source>
        <translation>Watched again</translation>
    </message>
    <message>
        <source>Nog onbewaakt</source>
        <translation>Still unwatched</translation>
    </message>
    <message>
        <source>jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>mrt</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>Incidenten per soort gedrag (A–E)</source>
        <translation>Incidents per kind of behaviour (A–E)</translation>
    </message>
    <message>
        <source>Te late herbeoordelingen in het adresregister: {n}.</source>
        <translation>Overdue reviews in the address register: {n}.</translation>
    </message>
    <message>
        <source>{total} incidenten van {first} tot en met {last}. {overdue}</source>
        <translation>{total} incidents from {first} to {last}. {overdue}</translation>
    </message>
    <message>
        <source>Rapportage opslaan als</source>
        <translation>Save report as</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Het bestand kon niet worden opgeslagen.</source>
        <translation>The file could not be saved.</translation>
    </message>
    <message>
        <source>Opgeslagen: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Instellingen van de organisatie</source>
        <translation>Organisation settings</translation>
    </message>
    <message>
        <source>Deze waarden gelden voor iedereen die met deze database werkt. Wijzigingen gelden direct voor nieuwe bezoeken en herinneringen.</source>
        <translation>These values apply to everyone who works with this database. Changes apply at once to new visits and reminders.</translation>
    </message>
    <message>
        <source>Instellingen &amp;opslaan</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>Instellingen opslaan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>&amp;Standaardwaarden invullen</source>
        <translation>Fill in &amp;defaults</translation>
    </message>
    <message>
        <source>Standaardwaarden invullen</source>
        <translation>Fill in defaults</translation>
    </message>
    <message>
        <source>&amp;Wijzigingen ongedaan maken</source>
        <translation>&amp;Undo changes</translation>
    </message>
    <message>
        <source>Wijzigingen ongedaan maken</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Instellingen opgeslagen.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>TeamSession</name>
    <message>
        <source>Verbinding met de teamserver hersteld.</source>
        <translation>Connection to the team server restored.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gebeurtenis</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Bezoek aangemaakt</source>
        <translation>Visit created</translation>
    </message>
    <message>
        <source>Toestemming leidinggevende</source>
        <translation>Team leader’s consent</translation>
    </message>
    <message>
        <source>Ingepland</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Vertrokken</source>
        <translation>Departed</translation>
    </message>
    <message>
        <source>Gebeld</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Terug, veilig</source>
        <translation>Back, safe</translation>
    </message>
    <message>
        <source>Terug, er was een incident</source>
        <translation>Back, there was an incident</translation>
    </message>
    <message>
        <source>Geëscaleerd</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Alarm bevestigd</source>
        <translation>Alarm acknowledged</translation>
    </message>
    <message>
        <source>Andere buddy bij vertrek</source>
        <translation>Another buddy at departure</translation>
    </message>
    <message>
        <source>Vertrokken zonder bereikbare buddy</source>
        <translation>Left without a reachable buddy</translation>
    </message>
    <message>
        <source>Risiconiveau {level}</source>
        <translation>Risk level {level}</translation>
    </message>
    <message>
        <source>Reden: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Terugbelmoment</source>
        <translation>Call-back</translation>
    </message>
    <message>
        <source>Te laat terug</source>
        <translation>Overdue return</translation>
    </message>
    <message>
        <source>Escalatie naar leidinggevenden</source>
        <translation>Escalation to team leaders</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Noodsituatie, aan leidinggevenden</source>
        <translation>Emergency, to the managers</translation>
    </message>
    <message>
        <source>Vertrokken zonder bereikbare buddy, aan leidinggevenden</source>
        <translation>Left without a reachable buddy, to the managers</translation>
    </message>
    <message>
        <source>{kind} (te laat)</source>
        <translation>{kind} (late)</translation>
    </message>
    <message>
        <source>Opnieuw bellen (niet bereikt)</source>
        <translation>Call again (not reached)</translation>
    </message>
    <message>
        <source>Eerder terugbellen</source>
        <translation>Call back sooner</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>gedaan</source>
        <translation>done</translation>
    </message>
    <message>
        <source>vervallen</source>
        <translation>lapsed</translation>
    </message>
    <message>
        <source>niet beantwoord</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Gebeld: niet bereikt</source>
        <translation>Called: not reached</translation>
    </message>
    <message>
        <source>Actie: {action}</source>
        <translation>Action: {action}</translation>
    </message>
    <message>
        <source>Gebeld: opgenomen</source>
        <translation>Called: answered</translation>
    </message>
    <message>
        <source>met voornaam (alles goed)</source>
        <translation>with first name (all well)</translation>
    </message>
    <message>
        <source>met ACHTERNAAM (foute boel)</source>
        <translation>with LAST NAME (trouble)</translation>
    </message>
    <message>
        <source>naam niet vastgelegd</source>
        <translation>name not recorded</translation>
    </message>
    <message>
        <source>Opgenomen {name}; vrijuit praten: {vrijuit}; politie gewenst: {politie}. Actie: {action}</source>
        <translation>Answered {name}; can talk freely: {vrijuit}; police wanted: {politie}. Action: {action}</translation>
    </message>
</context>
<context>
    <name>VisitDetailDialog</name>
    <message>
        <source>Adres van het bezoek</source>
        <translation>Address of the visit</translation>
    </message>
    <message>
        <source>Risiconiveau en status</source>
        <translation>Risk level and state</translation>
    </message>
    <message>
        <source>Wie gaan er en wie belt terug</source>
        <translation>Who is going and who calls back</translation>
    </message>
    <message>
        <source>Tijden</source>
        <translation>Times</translation>
    </message>
    <message>
        <source>&amp;Tijdlijn</source>
        <translation>&amp;Timeline</translation>
    </message>
    <message>
        <source>Tijdlijn van het bezoek</source>
        <translation>Timeline of the visit</translation>
    </message>
    <message>
        <source>Alle gebeurtenissen, terugbelmomenten en gesprekken op volgorde van tijd.</source>
        <translation>All events, call-backs and calls in order of time.</translation>
    </message>
    <message>
        <source>&amp;Risicobeoordeling en plan</source>
        <translation>&amp;Risk assessment and plan</translation>
    </message>
    <message>
        <source>Risicobeoordeling, plan en toestemming</source>
        <translation>Risk assessment, plan and consent</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>Clo&amp;se</translation>
    </message>
    <message>
        <source>Venster sluiten</source>
        <translation>Close window</translation>
    </message>
    <message>
        <source>Bezoek {address} — details</source>
        <translation>Visit {address} — details</translation>
    </message>
    <message>
        <source>Bezoek openen</source>
        <translation>Open visit</translation>
    </message>
    <message>
        <source>Risiconiveau:</source>
        <translation>Risk level:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Reden:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>niemand (alleen)</source>
        <translation>nobody (alone)</translation>
    </message>
    <message>
        <source>Bezoeker:</source>
        <translation>Visitor:</translation>
    </message>
    <message>
        <source>Gaat mee:</source>
        <translation>Going along:</translation>
    </message>
    <message>
        <source>Buddy:</source>
        <translation>Buddy:</translation>
    </message>
    <message>
        <source>Begin:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Verwacht terug:</source>
        <translation>Expected back:</translation>
    </message>
    <message>
        <source>(Nederlandse tijd)</source>
        <translation>(Dutch time)</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>weet ik niet</source>
        <translation>don’t know</translation>
    </message>
    <message>
        <source>Risicobeoordeling</source>
        <translation>Risk assessment</translation>
    </message>
    <message>
        <source>Checklist versie {version}; uitkomst {level}.</source>
        <translation>Checklist version {version}; result {level}.</translation>
    </message>
    <message>
        <source>Waarom dit niveau:</source>
        <translation>Why this level:</translation>
    </message>
    <message>
        <source>Geen risicobeoordeling vastgelegd.</source>
        <translation>No risk assessment recorded.</translation>
    </message>
    <message>
        <source>Toestemming en afwijking</source>
        <translation>Consent and deviation</translation>
    </message>
    <message>
        <source>Toestemming van {name} op {when}: {reason}</source>
        <translation>Consent from {name} on {when}: {reason}</translation>
    </message>
    <message>
        <source>Nog geen toestemming van een leidinggevende.</source>
        <translation>No consent from a team leader yet.</translation>
    </message>
    <message>
        <source>Geen toestemming nodig bij {level}.</source>
        <translation>No consent needed at {level}.</translation>
    </message>
    <message>
        <source>Afwijking van het advies: {reason}</source>
        <translation>Deviation from the advice: {reason}</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Cliënt(en)</source>
        <translation>Client(s)</translation>
    </message>
    <message>
        <source>Telefoon cliënt</source>
        <translation>Client phone</translation>
    </message>
    <message>
        <source>Tolk</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>Schriftelijk aangekondigd</source>
        <translation>Announced in writing</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Alle antwoorden</source>
        <translation>All answers</translation>
    </message>
    <message>
        <source>De vragen hieronder komen uit de huidige checklist (versie {current}); het bezoek is beoordeeld met versie {used}.</source>
        <translation>The questions below come from the current checklist (version {current}); the visit was assessed with version {used}.</translation>
    </message>
</context>
<context>
    <name>VisitDocuments</name>
    <message>
        <source>Aankondigingsbrief opslaan als</source>
        <translation>Save the announcement letter as</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Agenda-item opslaan als</source>
        <translation>Save the agenda item as</translation>
    </message>
    <message>
        <source>Agenda-items (*.ics)</source>
        <translation>Agenda items (*.ics)</translation>
    </message>
</context>
<context>
    <name>WatchLine</name>
    <message>
        <source>Wachtpost</source>
        <translation>Watch service</translation>
    </message>
    <message>
        <source>Wachtpost stil sinds {time}: zonder werkplek gaat er geen melding uit.</source>
        <translation>Watch service silent since {time}: without a workstation no message goes out.</translation>
    </message>
    <message>
        <source>Wachtpost meldt een storing ({time}): {what}</source>
        <translation>Watch service reports a fault ({time}): {what}</translation>
    </message>
    <message>
        <source>Wachtpost actief ({time})</source>
        <translation>Watch service active ({time})</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <source>Ingelogd als &lt;b&gt;{name}&lt;/b&gt; ({roles})</source>
        <translation>Logged in as &lt;b&gt;{name}&lt;/b&gt; ({roles})</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>Loc&amp;k</translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Scherm vergrendelen; niets gaat verloren</source>
        <translation>Lock the screen; nothing is lost</translation>
    </message>
    <message>
        <source>&amp;Incident melden…</source>
        <translation>Report an &amp;incident…</translation>
    </message>
    <message>
        <source>Incident melden</source>
        <translation>Report an incident</translation>
    </message>
    <message>
        <source>Agressie aan de balie, per telefoon, e-mail, brief of online</source>
        <translation>Aggression at the desk, by phone, e-mail, letter or online</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord wijzigen…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>&amp;Uitloggen</source>
        <translation>Lo&amp;g out</translation>
    </message>
    <message>
        <source>Uitloggen</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <translation>Sections</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Alles in orde</source>
        <translation>All is well</translation>
    </message>
    <message>
        <source>Het volgende terugbelmoment blijft staan.</source>
        <translation>The next call-back stays as planned.</translation>
    </message>
    <message>
        <source>Eerder terugbellen</source>
        <translation>Call back sooner</translation>
    </message>
    <message>
        <source>Bel over 10 minuten opnieuw, blijf alert en informeer de leidinggevende.</source>
        <translation>Call again in 10 minutes, stay alert and inform the team leader.</translation>
    </message>
    <message>
        <source>Bel nu 112</source>
        <translation>Call 112 now</translation>
    </message>
    <message>
        <source>Bel nu 112 en geef het volledige adres en wie er aanwezig zijn. Informeer daarna de leidinggevende.</source>
        <translation>Call 112 now and give the full address and who is present. Then inform the team leader.</translation>
    </message>
    <message>
        <source>Bel nu de politie</source>
        <translation>Call the police now</translation>
    </message>
    <message>
        <source>Er is iets mis. Bel nu de politie met het volledige adres: 112 bij direct gevaar, anders 0900-8844. Houd de lijn open en informeer de leidinggevende.</source>
        <translation>Something is wrong. Call the police now with the full address: 112 in immediate danger, otherwise 0900-8844. Keep the line open and inform the team leader.</translation>
    </message>
    <message>
        <source>Niet bereikt: probeer het opnieuw</source>
        <translation>Not reached: try again</translation>
    </message>
    <message>
        <source>Bel over 5 minuten opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.</source>
        <translation>Call again in 5 minutes. If there is still no answer, escalate.</translation>
    </message>
    <message>
        <source>Escaleer: bel de leidinggevende en de politie</source>
        <translation>Escalate: call the team leader and the police</translation>
    </message>
    <message>
        <source>Bel nu de leidinggevende en daarna de politie met het volledige adres en wie er aanwezig zijn.</source>
        <translation>Call the team leader now, then the police, with the full address and who is present.</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>weet ik niet</source>
        <translation>don’t know</translation>
    </message>
    <message>
        <source>Groen</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Oranje</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Rood</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Situatiefactor</source>
        <translation>Situational factor</translation>
    </message>
    <message>
        <source>Ernstige factor</source>
        <translation>Serious factor</translation>
    </message>
    <message>
        <source>A — Ik (zichzelf): emotie</source>
        <translation>A — I (the person themselves): emotion</translation>
    </message>
    <message>
        <source>Gericht op zichzelf en de eigen situatie, vaak in de ik-vorm: zeuren, klagen, excuses verzinnen, begrip vragen, om een uitzondering vragen.</source>
        <translation>Directed at themselves and their own situation, often in the first person: nagging, complaining, making excuses, asking for understanding, asking for an exception.</translation>
    </message>
    <message>
        <source>Ombuigen: meeveren, toelichten, argumenteren, afronden.</source>
        <translation>Redirect: go along with it, explain, give reasons, wrap up.</translation>
    </message>
    <message>
        <source>Burgers mogen kritiek hebben op beleid en regels, dat uiten en boos of geïrriteerd zijn.</source>
        <translation>Citizens may criticise policy and rules, say so, and be angry or irritated.</translation>
    </message>
    <message>
        <source>B — Jullie (organisatie): emotie</source>
        <translation>B — ‘You people’ (the organisation): emotion</translation>
    </message>
    <message>
        <source>Gericht op de organisatie, vaak met &apos;jullie&apos;: kritiek op regels en beleid, boosheid, ter verantwoording roepen, beschuldigen, machtsstrijd, obstructie.</source>
        <translation>Directed at the organisation, often with ‘you people’: criticism of rules and policy, anger, calling to account, accusing, power struggles, obstruction.</translation>
    </message>
    <message>
        <source>C — Jij (medewerker): (non-)verbale agressie</source>
        <translation>C — You (the employee): (non-)verbal aggression</translation>
    </message>
    <message>
        <source>Gericht op de medewerker, vaak met &apos;jij&apos;: (non-)verbaal dreigen, (seksuele) intimidatie, sarren, uitlokken, treiteren, schelden, belachelijk maken.</source>
        <translation>Directed at the employee, often with ‘you’: (non-)verbal threats, (sexual) intimidation, needling, provoking, taunting, swearing, ridiculing.</translation>
    </message>
    <message>
        <source>Ombuigen: kort negeren, gedrag benoemen, tot de orde roepen, voor de keuze stellen, zo nodig gepaste maatregelen.</source>
        <translation>Redirect: briefly ignore it, name the behaviour, call to order, present a choice, take appropriate measures where needed.</translation>
    </message>
    <message>
        <source>Burgers mogen niet persoonlijk worden tegen medewerkers.</source>
        <translation>Citizens may not get personal with employees.</translation>
    </message>
    <message>
        <source>D — Bedreiging, intimidatie of fysiek geweld</source>
        <translation>D — Threats, intimidation or physical violence</translation>
    </message>
    <message>
        <source>Dreigen met (de suggestie van) geweld, openlijke dreiging, aanhoudend A-B-C-gedrag; of fysiek: schoppen, slaan, spugen, beetpakken, trekken, vernielen, voorwerpen gooien.</source>
        <translation>Threatening (or suggesting) violence, open threats, persistent A-B-C behaviour; or physical: kicking, hitting, spitting, grabbing, pulling, damaging property, throwing objects.</translation>
    </message>
    <message>
        <source>Grenzen stellen: gedrag benoemen, norm aangeven, gesprek beëindigen; gepaste maatregelen: alarmeren, ingrijpen.</source>
        <translation>Set limits: name the behaviour, state the norm, end the conversation; appropriate measures: raise the alarm, intervene.</translation>
    </message>
    <message>
        <source>Burgers mogen medewerkers of panden niet bedreigen of intimideren. De veiligheid van medewerkers gaat boven alles: burgers mogen niet fysiek worden naar personen of zaken.</source>
        <translation>Citizens may not threaten or intimidate employees or buildings. The safety of employees comes first: citizens may not get physical with people or property.</translation>
    </message>
    <message>
        <source>E — Gericht op zichzelf: dreigen met zelfdoding</source>
        <translation>E — Directed at themselves: threatening suicide</translation>
    </message>
    <message>
        <source>Dreigen met zelfmoord of zichzelf iets aan te doen.</source>
        <translation>Threatening suicide or self-harm.</translation>
    </message>
    <message>
        <source>Hulp inschakelen: alarmeren via de politie, 0900-8844, of bij acute nood 112.</source>
        <translation>Call in help: alert the police on 0900-8844, or 112 in an acute emergency.</translation>
    </message>
    <message>
        <source>De veiligheid van de burger en de medewerker gaat voor: schakel altijd hulp in.</source>
        <translation>The safety of the citizen and the employee comes first: always call in help.</translation>
    </message>
    <message>
        <source>Huisbezoek</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Balie of spreekkamer</source>
        <translation>Front desk or consulting room</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Social media</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Geen letsel</source>
        <translation>No injury</translation>
    </message>
    <message>
        <source>Licht letsel</source>
        <translation>Minor injury</translation>
    </message>
    <message>
        <source>Ernstig letsel</source>
        <translation>Serious injury</translation>
    </message>
    <message>
        <source>In veiligheid: gesprek beëindigd en vertrokken</source>
        <translation>Safe: conversation ended and left</translation>
    </message>
    <message>
        <source>112 gebeld (direct gevaar of letsel)</source>
        <translation>112 called (immediate danger or injury)</translation>
    </message>
    <message>
        <source>Arts bezocht (altijd na letsel)</source>
        <translation>Saw a doctor (always after an injury)</translation>
    </message>
    <message>
        <source>Leidinggevende geïnformeerd</source>
        <translation>Team leader informed</translation>
    </message>
    <message>
        <source>Coördinator agressie en geweld geïnformeerd</source>
        <translation>Aggression and violence coordinator informed</translation>
    </message>
    <message>
        <source>Aangifte bij de politie</source>
        <translation>Formal police report (aangifte)</translation>
    </message>
    <message>
        <source>Melding bij de politie</source>
        <translation>Notification to the police (melding)</translation>
    </message>
    <message>
        <source>Geen melding of aangifte</source>
        <translation>No melding or aangifte</translation>
    </message>
    <message>
        <source>Eerste gesprek (binnen 24–72 uur)</source>
        <translation>First conversation (within 24–72 hours)</translation>
    </message>
    <message>
        <source>Stoom afblazen: de feiten, uitleg over stressreacties.</source>
        <translation>Letting off steam: the facts, an explanation of stress reactions.</translation>
    </message>
    <message>
        <source>Tweede gesprek (na ongeveer 5 dagen)</source>
        <translation>Second conversation (after about 5 days)</translation>
    </message>
    <message>
        <source>De emotionele kant en hoe de verwerking gaat.</source>
        <translation>The emotional side and how the employee is coping.</translation>
    </message>
    <message>
        <source>Derde gesprek (na 4–6 weken)</source>
        <translation>Third conversation (after 4–6 weeks)</translation>
    </message>
    <message>
        <source>Terugkijken: is de gebeurtenis goed verwerkt?</source>
        <translation>Looking back: has the employee come to terms with what happened?</translation>
    </message>
    <message>
        <source>Gesprek gehouden</source>
        <translation>Conversation held</translation>
    </message>
    <message>
        <source>Medewerker heeft het gesprek afgeslagen</source>
        <translation>The employee declined the conversation</translation>
    </message>
    <message>
        <source>Agressieve persoon</source>
        <translation>Aggressive person</translation>
    </message>
    <message>
        <source>Bedreiging</source>
        <translation>Threat</translation>
    </message>
    <message>
        <source>Geweld</source>
        <translation>Violence</translation>
    </message>
    <message>
        <source>Wapens</source>
        <translation>Weapons</translation>
    </message>
    <message>
        <source>Drugs of hennepkwekerij</source>
        <translation>Drugs or cannabis farm</translation>
    </message>
    <message>
        <source>Illegale stroom</source>
        <translation>Illegally tapped electricity</translation>
    </message>
    <message>
        <source>Gevaarlijk dier</source>
        <translation>Dangerous animal</translation>
    </message>
    <message>
        <source>Overig</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Voorgesteld</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Afgewezen</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Terugbelmoment</source>
        <translation>Call-back</translation>
    </message>
    <message>
        <source>Te laat terug</source>
        <translation>Overdue return</translation>
    </message>
    <message>
        <source>Escalatie</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Noodsituatie</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Buddy niet bereikbaar</source>
        <translation>Buddy unreachable</translation>
    </message>
    <message>
        <source>Vertrokken zonder bereikbare buddy</source>
        <translation>Left without a reachable buddy</translation>
    </message>
    <message>
        <source>Medewerker</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Leidinggevende</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Dienstverlening</source>
        <translation>Service provision</translation>
    </message>
    <message>
        <source>Preventief huisbezoek</source>
        <translation>Preventive home visit</translation>
    </message>
    <message>
        <source>Handhaving bij gegrond vermoeden</source>
        <translation>Enforcement on reasonable suspicion</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Gepland</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Onderweg</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>Terug, veilig</source>
        <translation>Back, safe</translation>
    </message>
    <message>
        <source>Terug, er was een incident</source>
        <translation>Back, there was an incident</translation>
    </message>
    <message>
        <source>Geëscaleerd</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>op schema</source>
        <translation>on schedule</translation>
    </message>
    <message>
        <source>nu bellen</source>
        <translation>call now</translation>
    </message>
    <message>
        <source>te laat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>alarm</translation>
    </message>
    <message>
        <source>ARIH — Agressie Risico Inschatting Huisbezoek</source>
        <translation>ARIH — Aggression risk assessment for home visits</translation>
    </message>
    <message>
        <source>Inspectie- of handhavingsbezoek (handhaving/controle)</source>
        <translation>Inspection or enforcement visit (enforcement/check)</translation>
    </message>
    <message>
        <source>Komt u controleren, een overtreding vaststellen of een maatregel aankondigen?</source>
        <translation>Are you coming to check, to establish a violation or to announce a measure?</translation>
    </message>
    <message>
        <source>Slecht nieuws brengen of de cliënt met fouten confronteren</source>
        <translation>Bringing bad news or confronting the client with mistakes</translation>
    </message>
    <message>
        <source>Bijvoorbeeld een afwijzing, terugvordering, korting of stopzetting.</source>
        <translation>For example a refusal, a claim for repayment, a reduction or a stop of benefits.</translation>
    </message>
    <message>
        <source>Onaangekondigd bezoek</source>
        <translation>Unannounced visit</translation>
    </message>
    <message>
        <source>De cliënt weet niet dat u komt.</source>
        <translation>The client does not know you are coming.</translation>
    </message>
    <message>
        <source>Veranderingen in het huishouden (baanverlies, uithuiszetting, scheiding, gezag of omgang)</source>
        <translation>Changes in the household (job loss, eviction, divorce, custody or contact arrangements)</translation>
    </message>
    <message>
        <source>Ingrijpende gebeurtenissen verhogen de spanning.</source>
        <translation>Major life events raise the tension.</translation>
    </message>
    <message>
        <source>Alcohol, drugs of een andere verslaving</source>
        <translation>Alcohol, drugs or another addiction</translation>
    </message>
    <message>
        <source>Bij de cliënt of bij anderen in huis.</source>
        <translation>Of the client or of others in the home.</translation>
    </message>
    <message>
        <source>Buiten kantoortijd of in het donker</source>
        <translation>Outside office hours or after dark</translation>
    </message>
    <message>
        <source>Minder collega&apos;s bereikbaar en minder zicht op de omgeving.</source>
        <translation>Fewer colleagues within reach and less view of the surroundings.</translation>
    </message>
    <message>
        <source>Risicovolle omgeving (afgelegen, bekend probleemgebied, geen telefoonbereik)</source>
        <translation>Risky surroundings (remote, known problem area, no phone signal)</translation>
    </message>
    <message>
        <source>Kunt u snel weg en kunt u bellen?</source>
        <translation>Can you get away quickly and can you make a call?</translation>
    </message>
    <message>
        <source>Andere bewoners of bezoekers die vijandig kunnen zijn</source>
        <translation>Other residents or visitors who may be hostile</translation>
    </message>
    <message>
        <source>Bijvoorbeeld huisgenoten, familie of vrienden van de cliënt.</source>
        <translation>For example housemates, family or friends of the client.</translation>
    </message>
    <message>
        <source>(Agressieve) dieren, zoals honden</source>
        <translation>(Aggressive) animals, such as dogs</translation>
    </message>
    <message>
        <source>Vraag zo nodig vooraf om het dier op te sluiten.</source>
        <translation>If needed, ask in advance for the animal to be shut away.</translation>
    </message>
    <message>
        <source>Recente agressie tegen professionals (bedreiging, geweld)</source>
        <translation>Recent aggression towards professionals (threats, violence)</translation>
    </message>
    <message>
        <source>Bij uw organisatie of bij andere instanties.</source>
        <translation>At your organisation or at other agencies.</translation>
    </message>
    <message>
        <source>Geschiedenis van ernstige geweldsdelicten</source>
        <translation>History of serious violent offences</translation>
    </message>
    <message>
        <source>Voor zover bekend uit het dossier of van ketenpartners.</source>
        <translation>As far as known from the case file or from partner organisations.</translation>
    </message>
    <message>
        <source>Wapens (mogelijk) aanwezig</source>
        <translation>Weapons (possibly) present</translation>
    </message>
    <message>
        <source>Ook als er alleen een aanwijzing is.</source>
        <translation>Even if there is only an indication.</translation>
    </message>
    <message>
        <source>Georganiseerde misdaad of criminele activiteit (hennepkwekerij, illegale stroom) op of rond het adres</source>
        <translation>Organised crime or criminal activity (cannabis farm, illegally tapped electricity) at or around the address</translation>
    </message>
    <message>
        <source>Bijvoorbeeld signalen van een kwekerij of illegaal afgetapte stroom.</source>
        <translation>For example signs of a cannabis farm or of illegally tapped electricity.</translation>
    </message>
    <message>
        <source>Bekende psychiatrische aandoening of middelengebruik dat de kans op agressie verhoogt</source>
        <translation>Known psychiatric condition or substance use that increases the risk of aggression</translation>
    </message>
    <message>
        <source>Alleen als dit bekend is uit het dossier; stel zelf geen diagnose.</source>
        <translation>Only if this is known from the case file; do not make a diagnosis yourself.</translation>
    </message>
    <message>
        <source>Actieve notitie in het register onveilige adressen</source>
        <translation>Active note in the unsafe-address register</translation>
    </message>
    <message>
        <source>Wordt automatisch ingevuld op basis van het register; de notitie wordt getoond.</source>
        <translation>Filled in automatically from the register; the note is shown.</translation>
    </message>
    <message>
        <source>Groen: u mag alleen gaan</source>
        <translation>Green: you may go alone</translation>
    </message>
    <message>
        <source>U mag alleen op huisbezoek gaan. Volg het standaardprotocol.</source>
        <translation>You may make the home visit alone. Follow the standard protocol.</translation>
    </message>
    <message>
        <source>Kondig het bezoek schriftelijk aan.</source>
        <translation>Announce the visit in writing.</translation>
    </message>
    <message>
        <source>Houd uw agenda actueel: adres, tijd en verwachte terugkomst.</source>
        <translation>Keep your calendar up to date: address, time and expected return.</translation>
    </message>
    <message>
        <source>Spreek een buddy en de terugbelmomenten af.</source>
        <translation>Arrange a buddy and the call-back times.</translation>
    </message>
    <message>
        <source>Oranje: ga met z&apos;n tweeën</source>
        <translation>Orange: go as a pair</translation>
    </message>
    <message>
        <source>Ga niet alleen: ga met z&apos;n tweeën en spreek vooraf de rollen af.</source>
        <translation>Do not go alone: go as a pair and agree on the roles beforehand.</translation>
    </message>
    <message>
        <source>Ga met z&apos;n tweeën en verdeel vooraf de rollen.</source>
        <translation>Go as a pair and divide the roles beforehand.</translation>
    </message>
    <message>
        <source>Laat u direct na aankomst terugbellen en spreek een korter belinterval af.</source>
        <translation>Have your buddy call you right after you arrive and agree on a shorter call interval.</translation>
    </message>
    <message>
        <source>Bespreek het bezoek vooraf met uw leidinggevende.</source>
        <translation>Discuss the visit with your team leader beforehand.</translation>
    </message>
    <message>
        <source>Overweeg de cliënt uit te nodigen op een veilige locatie in plaats van een huisbezoek.</source>
        <translation>Consider inviting the client to a safe location instead of making a home visit.</translation>
    </message>
    <message>
        <source>Rood: niet alleen en niet zonder toestemming</source>
        <translation>Red: not alone and not without consent</translation>
    </message>
    <message>
        <source>Ga niet alleen en ga niet zonder toestemming van uw leidinggevende. De toestemming wordt met naam en reden vastgelegd in de app.</source>
        <translation>Do not go alone and do not go without consent from your team leader. The consent is recorded in the app with name and reason.</translation>
    </message>
    <message>
        <source>Geef de voorkeur aan een gesprek op een veilige locatie, zoals een kantoor met alarmknop.</source>
        <translation>Prefer a meeting at a safe location, such as an office with an alarm button.</translation>
    </message>
    <message>
        <source>Kan het bezoek niet worden vermeden of uitgesteld? Ga met z&apos;n tweeën of samen met de politie.</source>
        <translation>Can the visit not be avoided or postponed? Go as a pair or together with the police.</translation>
    </message>
    <message>
        <source>Informeer vooraf de politie via 0900-8844.</source>
        <translation>Inform the police beforehand on 0900-8844.</translation>
    </message>
    <message>
        <source>Vraag vooraf toestemming aan uw leidinggevende en leg naam en reden vast.</source>
        <translation>Ask your team leader for consent beforehand and record the name and reason.</translation>
    </message>
    <message>
        <source>Ernstige factor &quot;{question}&quot;: ja → rood</source>
        <translation>Serious factor &quot;{question}&quot;: yes → red</translation>
    </message>
    <message>
        <source>Ernstige factor &quot;{question}&quot;: weet ik niet → minstens oranje</source>
        <translation>Serious factor &quot;{question}&quot;: don&apos;t know → at least orange</translation>
    </message>
    <message>
        <source>Ernstige factor &quot;{question}&quot;: weet ik niet → minstens rood</source>
        <translation>Serious factor &quot;{question}&quot;: don&apos;t know → at least red</translation>
    </message>
    <message>
        <source>Situatiefactor &quot;{question}&quot;: ja</source>
        <translation>Situational factor &quot;{question}&quot;: yes</translation>
    </message>
    <message>
        <source>{count}× &quot;weet ik niet&quot; telt als een situatiefactor</source>
        <translation>{count}× &quot;don&apos;t know&quot; counts as a situational factor</translation>
    </message>
    <message>
        <source>{count} situatiefactor met ja → oranje</source>
        <translation>{count} situational factor with yes → orange</translation>
    </message>
    <message>
        <source>{count} situatiefactoren met ja → oranje</source>
        <translation>{count} situational factors with yes → orange</translation>
    </message>
    <message>
        <source>{count} situatiefactor met ja en 1 voor onbekende antwoorden → oranje</source>
        <translation>{count} situational factor with yes and 1 for unknown answers → orange</translation>
    </message>
    <message>
        <source>{count} situatiefactoren met ja en 1 voor onbekende antwoorden → oranje</source>
        <translation>{count} situational factors with yes and 1 for unknown answers → orange</translation>
    </message>
    <message>
        <source>Geen risicofactoren die tot oranje of rood leiden</source>
        <translation>No risk factors that lead to orange or red</translation>
    </message>
    <message>
        <source>{count} situatiefactor met ja; oranje vanaf {threshold} situatiefactoren</source>
        <translation>{count} situational factor with yes; orange from {threshold} situational factors</translation>
    </message>
    <message>
        <source>{count} situatiefactoren met ja; oranje vanaf {threshold} situatiefactoren</source>
        <translation>{count} situational factors with yes; orange from {threshold} situational factors</translation>
    </message>
    <message>
        <source>{unknown}× &quot;weet ik niet&quot; (telt als een situatiefactor); oranje vanaf {threshold} situatiefactoren</source>
        <translation>{unknown}× &quot;don&apos;t know&quot; (counts as a situational factor); orange from {threshold} situational factors</translation>
    </message>
    <message>
        <source>{count} situatiefactor met ja en {unknown}× &quot;weet ik niet&quot; (telt als een situatiefactor); oranje vanaf {threshold} situatiefactoren</source>
        <translation>{count} situational factor with yes and {unknown}× &quot;don&apos;t know&quot; (counts as a situational factor); orange from {threshold} situational factors</translation>
    </message>
    <message>
        <source>{count} situatiefactoren met ja en {unknown}× &quot;weet ik niet&quot; (telt als een situatiefactor); oranje vanaf {threshold} situatiefactoren</source>
        <translation>{count} situational factors with yes and {unknown}× &quot;don&apos;t know&quot; (counts as a situational factor); orange from {threshold} situational factors</translation>
    </message>
    <message>
        <source>Terugbellen en alarm</source>
        <translation>Call-backs and alarms</translation>
    </message>
    <message>
        <source>Eerste terugbelmoment na aankomst (minuten)</source>
        <translation>First call-back after arrival (minutes)</translation>
    </message>
    <message>
        <source>Belinterval oranje/rood (minuten)</source>
        <translation>Call interval orange/red (minutes)</translation>
    </message>
    <message>
        <source>Opnieuw bellen na (minuten)</source>
        <translation>Call again after (minutes)</translation>
    </message>
    <message>
        <source>Uitlooptijd (minuten)</source>
        <translation>Grace period (minutes)</translation>
    </message>
    <message>
        <source>Escalatie na (minuten)</source>
        <translation>Escalate after (minutes)</translation>
    </message>
    <message>
        <source>Escalatie herhalen elke (minuten)</source>
        <translation>Repeat an escalation every (minutes)</translation>
    </message>
    <message>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Alarmnummer politie</source>
        <translation>Police emergency number</translation>
    </message>
    <message>
        <source>Algemeen nummer politie</source>
        <translation>Police non-emergency number</translation>
    </message>
    <message>
        <source>Gemeente (voor brieven)</source>
        <translation>Municipality (for letters)</translation>
    </message>
    <message>
        <source>Naam gemeente</source>
        <translation>Name of the municipality</translation>
    </message>
    <message>
        <source>Adres gemeente</source>
        <translation>Address of the municipality</translation>
    </message>
    <message>
        <source>Adresregister</source>
        <translation>Address register</translation>
    </message>
    <message>
        <source>Herbeoordeling register (maanden)</source>
        <translation>Register review (months)</translation>
    </message>
    <message>
        <source>Vervaltermijn na herbeoordeling (maanden)</source>
        <translation>Expiry after a missed review (months)</translation>
    </message>
    <message>
        <source>Beveiliging en bewaren</source>
        <translation>Security and retention</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na (minuten)</source>
        <translation>Lock automatically after (minutes)</translation>
    </message>
    <message>
        <source>Automatische back-up elke (uren)</source>
        <translation>Automatic backup every (hours)</translation>
    </message>
    <message>
        <source>Aantal automatische back-ups bewaren</source>
        <translation>Number of automatic backups to keep</translation>
    </message>
    <message>
        <source>Bezoekgegevens anonimiseren na (dagen)</source>
        <translation>Anonymise visit details after (days)</translation>
    </message>
    <message>
        <source>Verlopen adresnotities verwijderen na (maanden)</source>
        <translation>Delete expired address notes after (months)</translation>
    </message>
    <message>
        <source>Termijn melding/aangifte (24 uur) verstrijkt</source>
        <translation>Deadline for notifying or reporting to the police (24 hours) is passing</translation>
    </message>
    <message>
        <source>Herinnering: melding/aangifte binnen 24 uur</source>
        <translation>Reminder: notify or report to the police within 24 hours</translation>
    </message>
    <message>
        <source>Nazorg: eerste gesprek (binnen 24–72 uur)</source>
        <translation>Aftercare: first conversation (within 24–72 hours)</translation>
    </message>
    <message>
        <source>Nazorg: tweede gesprek (na ongeveer 5 dagen)</source>
        <translation>Aftercare: second conversation (after about 5 days)</translation>
    </message>
    <message>
        <source>Nazorg: derde gesprek (na 4–6 weken)</source>
        <translation>Aftercare: third conversation (after 4–6 weeks)</translation>
    </message>
    <message>
        <source>De aankondigingsbrief kan niet worden gemaakt: de naam en het adres van de gemeente ontbreken. De beheerder vult ze in bij Instellingen, onder Gemeente (voor brieven).</source>
        <translation>The announcement letter cannot be made: the municipality&apos;s name and address are missing. The administrator fills them in under Settings, Municipality (for letters).</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is geen geldige postcode. Gebruik vier cijfers en twee letters, bijvoorbeeld 1234 AB.</source>
        <translation>&apos;{text}&apos; is not a valid postcode. Use four digits and two letters, for example 1234 AB.</translation>
    </message>
    <message>
        <source>de lettercombinatie {letters} wordt niet gebruikt in postcodes.</source>
        <translation>the letters {letters} are not used in postcodes.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is geen geldig huisnummer. Gebruik een nummer met eventueel een toevoeging, bijvoorbeeld 12 of 12-A.</source>
        <translation>&apos;{text}&apos; is not a valid house number. Use a number, with an addition if there is one, for example 12 or 12-A.</translation>
    </message>
    <message>
        <source>het huisnummer moet tussen 1 en {high} liggen.</source>
        <translation>the house number must be between 1 and {high}.</translation>
    </message>
    <message>
        <source>de toevoeging &apos;{addition}&apos; is te lang (maximaal {count} tekens).</source>
        <translation>the addition &apos;{addition}&apos; is too long (at most {count} characters).</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is geen adres. Gebruik postcode en huisnummer, bijvoorbeeld 1234 AB 5 of 1234 AB 5-A.</source>
        <translation>&apos;{text}&apos; is not an address. Use the postcode and house number, for example 1234 AB 5 or 1234 AB 5-A.</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <source>huisnummer</source>
        <translation>house number</translation>
    </message>
    <message>
        <source>{part}: {message}</source>
        <translation>{part}: {message}</translation>
    </message>
    <message>
        <source>maximaal {count} tekens.</source>
        <translation>at most {count} characters.</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>vul de postcode in, bijvoorbeeld 1234 AB.</source>
        <translation>fill in the postcode, for example 1234 AB.</translation>
    </message>
    <message>
        <source>een postcode begint niet met een 0.</source>
        <translation>a postcode does not start with a 0.</translation>
    </message>
    <message>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>vul het huisnummer in.</source>
        <translation>fill in the house number.</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>dit veld is verplicht.</source>
        <translation>this field is required.</translation>
    </message>
    <message>
        <source>bevat ongeldige (onzichtbare) tekens.</source>
        <translation>contains invalid (invisible) characters.</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Bel over {minutes} minuten opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.</source>
        <translation>Call again in {minutes} minutes. If there is still no answer, escalate.</translation>
    </message>
    <message>
        <source>Bel over 1 minuut opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.</source>
        <translation>Call again in 1 minute. If there is still no answer, escalate.</translation>
    </message>
    <message>
        <source>Antwoord</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>geef aan of de bezoeker opnam met de voornaam of de achternaam.</source>
        <translation>say whether the visitor answered with their first name or their last name.</translation>
    </message>
    <message>
        <source>onbekende vraag &apos;{item}&apos; in de checklist.</source>
        <translation>unknown question &apos;{item}&apos; in the checklist.</translation>
    </message>
    <message>
        <source>ongeldig antwoord bij &quot;{question}&quot; (kies ja, nee of weet ik niet).</source>
        <translation>invalid answer to &quot;{question}&quot; (choose yes, no or don&apos;t know).</translation>
    </message>
    <message>
        <source>{shown} bestaat niet: de klok gaat die nacht een uur vooruit (zomertijd). Kies een tijd buiten dit uur.</source>
        <translation>{shown} does not exist: the clocks go forward an hour that night (summer time). Choose a time outside this hour.</translation>
    </message>
    <message>
        <source>{shown} komt twee keer voor: de klok gaat die nacht een uur terug. Kies of u de zomertijd (eerste keer) of de wintertijd (tweede keer) bedoelt.</source>
        <translation>{shown} occurs twice: the clocks go back an hour that night. Choose whether you mean summer time (the first time) or winter time (the second time).</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is geen geldige datum en tijd. Gebruik dd-mm-jjjj uu:mm, bijvoorbeeld 23-11-2026 14:30.</source>
        <translation>&apos;{text}&apos; is not a valid date and time. Use dd-mm-yyyy hh:mm, for example 23-11-2026 14:30.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; bestaat niet als datum of tijd (controleer dag, maand, uur en minuten).</source>
        <translation>&apos;{text}&apos; does not exist as a date or time (check the day, month, hour and minutes).</translation>
    </message>
    <message>
        <source>Vertrekken kan nog niet: {problem} Kies een collega die is ingelogd als buddy, of leg vast waarom u toch gaat.</source>
        <translation>You cannot leave yet: {problem} Choose a colleague who is logged in as buddy, or record why you go anyway.</translation>
    </message>
    <message>
        <source>{name} is niet ingelogd en het telefoonnummer van {name} kan niet gebeld worden.</source>
        <translation>{name} is not logged in and {name}&apos;s phone number cannot be called.</translation>
    </message>
    <message>
        <source>{name} is niet ingelogd.</source>
        <translation>{name} is not logged in.</translation>
    </message>
    <message>
        <source>het telefoonnummer van {name} kan niet gebeld worden.</source>
        <translation>{name}&apos;s phone number cannot be called.</translation>
    </message>
    <message>
        <source>de reden is te lang (hoogstens {limit} tekens).</source>
        <translation>the reason is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>schrijf op waarom u vertrekt zonder bereikbare buddy.</source>
        <translation>write down why you leave without a reachable buddy.</translation>
    </message>
    <message>
        <source>de reden bevat een teken dat niet getypt kan worden (zoals een tab).</source>
        <translation>the reason contains a character that cannot be typed (such as a tab).</translation>
    </message>
    <message>
        <source>dit bezoek loopt niet meer</source>
        <translation>this visit is no longer running</translation>
    </message>
    <message>
        <source>alleen de buddy of een leidinggevende draagt een bezoek over</source>
        <translation>only the buddy or a team leader hands a visit over</translation>
    </message>
    <message>
        <source>kies een collega die buddy kan zijn, niet de bezoeker zelf</source>
        <translation>choose a colleague who can be a buddy, not the visitor themselves</translation>
    </message>
    <message>
        <source>alleen een collega die buddy kan zijn neemt een bezoek over</source>
        <translation>only a colleague who can be a buddy takes a visit over</translation>
    </message>
    <message>
        <source>de buddy is aanwezig; overnemen kan als de buddy niet bereikbaar is</source>
        <translation>the buddy is present; taking over is possible when the buddy cannot be reached</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Waarmee</source>
        <translation>With what</translation>
    </message>
    <message>
        <source>Op welke wijze</source>
        <translation>In what way</translation>
    </message>
    <message>
        <source>Waarom</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Letsel (toelichting)</source>
        <translation>Injury (details)</translation>
    </message>
    <message>
        <source>Getuigen</source>
        <translation>Witnesses</translation>
    </message>
    <message>
        <source>wie was erbij betrokken? Noem de rol (cliënt, bewoner) of &apos;onbekend&apos;.</source>
        <translation>who was involved? Give their role (client, resident) or &apos;unknown&apos;.</translation>
    </message>
    <message>
        <source>beschrijf feitelijk wat er gebeurde.</source>
        <translation>describe the facts of what happened.</translation>
    </message>
    <message>
        <source>waar gebeurde het (adres, balie, telefoon, online)?</source>
        <translation>where did it happen (address, front desk, phone, online)?</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is leeg.</source>
        <translation>&apos;{name}&apos; is empty.</translation>
    </message>
    <message>
        <source>te kort: beschrijf het in minstens {count} tekens.</source>
        <translation>too short: describe it in at least {count} characters.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {size}; een bijlage mag hoogstens {limit} zijn. Maak de schermafbeelding kleiner of sla alleen het relevante deel op.</source>
        <translation>&apos;{name}&apos; is {size}; an attachment may be at most {limit}. Make the screenshot smaller or save only the relevant part.</translation>
    </message>
    <message>
        <source>samen mogen de bijlagen van één incident hoogstens {limit} zijn; er is nog {left} over.</source>
        <translation>together the attachments of one incident may be at most {limit}; {left} is left.</translation>
    </message>
    <message>
        <source>Tijdstip stap</source>
        <translation>Time of the step</translation>
    </message>
    <message>
        <source>dit tijdstip ligt in de toekomst.</source>
        <translation>this time is in the future.</translation>
    </message>
    <message>
        <source>dit tijdstip ligt vóór het incident.</source>
        <translation>this time is before the incident.</translation>
    </message>
    <message>
        <source>Bijlage</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>het bestand heeft geen geldige naam.</source>
        <translation>the file does not have a valid name.</translation>
    </message>
    <message>
        <source>Datum en tijd bijlage</source>
        <translation>Date and time of the attachment</translation>
    </message>
    <message>
        <source>vul in wanneer het bericht is geplaatst of de schermafbeelding is gemaakt.</source>
        <translation>fill in when the message was posted or the screenshot was taken.</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>vul datum en tijd van het incident in.</source>
        <translation>fill in the date and time of the incident.</translation>
    </message>
    <message>
        <source>het incident ligt in de toekomst.</source>
        <translation>the incident is in the future.</translation>
    </message>
    <message>
        <source>het incident is meer dan een jaar geleden.</source>
        <translation>the incident was more than a year ago.</translation>
    </message>
    <message>
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>kies hoe het incident plaatsvond.</source>
        <translation>choose how the incident took place.</translation>
    </message>
    <message>
        <source>Soort gedrag</source>
        <translation>Kind of behaviour</translation>
    </message>
    <message>
        <source>kies de categorie A tot en met E.</source>
        <translation>choose category A to E.</translation>
    </message>
    <message>
        <source>Letsel</source>
        <translation>Injury</translation>
    </message>
    <message>
        <source>kies of er letsel was.</source>
        <translation>choose whether there was an injury.</translation>
    </message>
    <message>
        <source>beschrijf het letsel en de behandeling.</source>
        <translation>describe the injury and the treatment.</translation>
    </message>
    <message>
        <source>Soort melding</source>
        <translation>Kind of report</translation>
    </message>
    <message>
        <source>kies aangifte, melding of geen.</source>
        <translation>choose a formal report (aangifte), a notification (melding) or none.</translation>
    </message>
    <message>
        <source>Gemeld op</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>vul datum en tijd in.</source>
        <translation>fill in the date and time.</translation>
    </message>
    <message>
        <source>Gemeld door</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>wie deed de melding of aangifte?</source>
        <translation>who notified or reported to the police?</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>leg vast waarom er geen melding of aangifte is.</source>
        <translation>record why the police were not notified or reported to.</translation>
    </message>
    <message>
        <source>Registratienummer politie</source>
        <translation>Police registration number</translation>
    </message>
    <message>
        <source>vul het nummer van de aangifte in.</source>
        <translation>fill in the number of the formal report.</translation>
    </message>
    <message>
        <source>aangifte gebeurt altijd op het adres van de gemeente, nooit op het privéadres.</source>
        <translation>a formal report always gives the municipality&apos;s address, never a private address.</translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>kies welk gesprek.</source>
        <translation>choose which conversation.</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>kies gehouden of afgeslagen.</source>
        <translation>choose held or declined.</translation>
    </message>
    <message>
        <source>Datum gesprek</source>
        <translation>Date of the conversation</translation>
    </message>
    <message>
        <source>vul de datum in.</source>
        <translation>fill in the date.</translation>
    </message>
    <message>
        <source>de datum ligt in de toekomst.</source>
        <translation>the date is in the future.</translation>
    </message>
    <message>
        <source>de datum ligt vóór het incident.</source>
        <translation>the date is before the incident.</translation>
    </message>
    <message>
        <source>Een zin van een paar woorden is sterk en goed te onthouden.</source>
        <translation>A sentence of a few words is strong and easy to remember.</translation>
    </message>
    <message>
        <source>bevat uw eigen naam of gebruikersnaam, en die zijn makkelijk te raden</source>
        <translation>contains your own name or user name, and those are easy to guess</translation>
    </message>
    <message>
        <source>bevat de naam van de gemeente, en die is makkelijk te raden</source>
        <translation>contains the municipality&apos;s name, and that is easy to guess</translation>
    </message>
    <message>
        <source>is te makkelijk te raden</source>
        <translation>is too easy to guess</translation>
    </message>
    <message>
        <source>een reeks als 1234 of abcd is makkelijk te raden</source>
        <translation>a sequence such as 1234 or abcd is easy to guess</translation>
    </message>
    <message>
        <source>een rij toetsen als qwerty is makkelijk te raden</source>
        <translation>a row of keys such as qwerty is easy to guess</translation>
    </message>
    <message>
        <source>herhalingen als aaa of abcabc zijn makkelijk te raden</source>
        <translation>repeats such as aaa or abcabc are easy to guess</translation>
    </message>
    <message>
        <source>jaartallen en datums zijn makkelijk te raden</source>
        <translation>years and dates are easy to guess</translation>
    </message>
    <message>
        <source>lijkt op een veelgebruikt wachtwoord en is daardoor makkelijk te raden</source>
        <translation>looks like a common password and so is easy to guess</translation>
    </message>
    <message>
        <source>minimaal {count} tekens. {advice}</source>
        <translation>at least {count} characters. {advice}</translation>
    </message>
    <message>
        <source>{reason}. {advice}</source>
        <translation>{reason}. {advice}</translation>
    </message>
    <message>
        <source>geen spaties aan begin of eind en geen onzichtbare tekens.</source>
        <translation>no spaces at the start or end and no invisible characters.</translation>
    </message>
    <message>
        <source>te eenvoudig: gebruik meer verschillende tekens.</source>
        <translation>too simple: use more different characters.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is geen geldig telefoonnummer. Gebruik bijvoorbeeld 06 12345678 of +31 6 12345678.</source>
        <translation>&apos;{text}&apos; is not a valid phone number. Use for example 06 12345678 or +31 6 12345678.</translation>
    </message>
    <message>
        <source>vul een telefoonnummer in.</source>
        <translation>fill in a phone number.</translation>
    </message>
    <message>
        <source>het telefoonnummer is te lang.</source>
        <translation>the phone number is too long.</translation>
    </message>
    <message>
        <source>Een notitie met status &apos;{status}&apos; kan niet worden {action}.</source>
        <translation>A note with status &apos;{status}&apos; cannot be {action}.</translation>
    </message>
    <message>
        <source>goedkeuren</source>
        <translation>approve</translation>
    </message>
    <message>
        <source>goedgekeurd</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>afwijzen</source>
        <translation>reject</translation>
    </message>
    <message>
        <source>afgewezen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>beoordelen</source>
        <translation>review</translation>
    </message>
    <message>
        <source>beoordeeld</source>
        <translation>reviewed</translation>
    </message>
    <message>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>Alleen een leidinggevende mag een notitie {action}.</source>
        <translation>Only a team leader may {action} a note.</translation>
    </message>
    <message>
        <source>intrekken</source>
        <translation>withdraw</translation>
    </message>
    <message>
        <source>mag niet meer dan {count} jaar geleden zijn.</source>
        <translation>may not be more than {count} years ago.</translation>
    </message>
    <message>
        <source>te kort: beschrijf feitelijk een concreet incident (minstens {count} tekens).</source>
        <translation>too short: describe the facts of a specific incident (at least {count} characters).</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>kies een geldige categorie.</source>
        <translation>choose a valid category.</translation>
    </message>
    <message>
        <source>Datum incident</source>
        <translation>Incident date</translation>
    </message>
    <message>
        <source>mag niet in de toekomst liggen.</source>
        <translation>may not be in the future.</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>beschrijf feitelijk wat er is gebeurd (verplicht).</source>
        <translation>describe the facts of what happened (required).</translation>
    </message>
    <message>
        <source>U kunt uw eigen notitie niet goedkeuren: een andere leidinggevende moet dat doen (vier-ogenprincipe).</source>
        <translation>You cannot approve your own note: another team leader has to do that (four-eyes principle).</translation>
    </message>
    <message>
        <source>U hebt deze notitie zelf bewerkt: een andere leidinggevende keurt de bewerking goed (vier-ogenprincipe).</source>
        <translation>You edited this note yourself: another team leader approves the edit (four-eyes principle).</translation>
    </message>
    <message>
        <source>geef een reden op.</source>
        <translation>give a reason.</translation>
    </message>
    <message>
        <source>Reden afwijzing</source>
        <translation>Reason for rejecting</translation>
    </message>
    <message>
        <source>Reden intrekken</source>
        <translation>Reason for withdrawing</translation>
    </message>
    <message>
        <source>Geen toestemming: {what}.</source>
        <translation>Not allowed: {what}.</translation>
    </message>
    <message>
        <source>onbekende rol; kies uit {allowed}</source>
        <translation>unknown role; choose from {allowed}</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>onbekende instelling &apos;{key}&apos;.</source>
        <translation>unknown setting &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>moet tussen {low} en {high} liggen.</source>
        <translation>must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>verwacht een lijst met naam en waarde.</source>
        <translation>expects a list of names and values.</translation>
    </message>
    <message>
        <source>moet een geheel getal zijn.</source>
        <translation>must be a whole number.</translation>
    </message>
    <message>
        <source>moet tekst zijn.</source>
        <translation>must be text.</translation>
    </message>
    <message>
        <source>mag niet leeg zijn.</source>
        <translation>may not be empty.</translation>
    </message>
    <message>
        <source>Een bezoek met status &apos;{current}&apos; kan niet naar &apos;{target}&apos;.</source>
        <translation>A visit with status &apos;{current}&apos; cannot change to &apos;{target}&apos;.</translation>
    </message>
    <message>
        <source>maximaal {count} tekens (nu {length}).</source>
        <translation>at most {count} characters (now {length}).</translation>
    </message>
    <message>
        <source>onbekende reden &apos;{reason}&apos;.</source>
        <translation>unknown reason &apos;{reason}&apos;.</translation>
    </message>
    <message>
        <source>kies de reden van het bezoek.</source>
        <translation>choose the reason for the visit.</translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Cliënt(en)</source>
        <translation>Client(s)</translation>
    </message>
    <message>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Verwachte terugkomst</source>
        <translation>Expected return</translation>
    </message>
    <message>
        <source>moet na het begin van het bezoek liggen.</source>
        <translation>must be after the start of the visit.</translation>
    </message>
    <message>
        <source>mag hoogstens 24 uur na het begin van het bezoek liggen.</source>
        <translation>may be at most 24 hours after the start of the visit.</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>mag niet meer dan een uur in het verleden liggen.</source>
        <translation>may not be more than an hour in the past.</translation>
    </message>
    <message>
        <source>elk terugbelmoment moet tussen het begin en de verwachte terugkomst liggen.</source>
        <translation>every call-back time must be between the start and the expected return.</translation>
    </message>
    <message>
        <source>Collega&apos;s</source>
        <translation>Colleagues</translation>
    </message>
    <message>
        <source>de bezoeker staat ook als collega vermeld.</source>
        <translation>the visitor is also listed as a colleague.</translation>
    </message>
    <message>
        <source>Buddy</source>
        <translation>Buddy</translation>
    </message>
    <message>
        <source>kies een buddy die u terugbelt.</source>
        <translation>choose a buddy who calls you back.</translation>
    </message>
    <message>
        <source>de buddy kan niet de bezoeker zelf zijn.</source>
        <translation>the buddy cannot be the visitor themselves.</translation>
    </message>
    <message>
        <source>de buddy gaat niet mee: kies iemand die op kantoor blijft.</source>
        <translation>the buddy does not come along: choose someone who stays at the office.</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>gebruik 2 tot 50 tekens: letters, cijfers, punt, streepje of liggend streepje.</source>
        <translation>use 2 to 50 characters: letters, digits, full stop, hyphen or underscore.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>dit account bestaat niet (meer).</source>
        <translation>this account does not exist (any more).</translation>
    </message>
    <message>
        <source>maximaal 100 tekens, zonder onzichtbare tekens.</source>
        <translation>at most 100 characters, without invisible characters.</translation>
    </message>
    <message>
        <source>kies ten minste één rol.</source>
        <translation>choose at least one role.</translation>
    </message>
    <message>
        <source>deze naam is al in gebruik.</source>
        <translation>this name is already in use.</translation>
    </message>
    <message>
        <source>Deze database heeft al accounts.</source>
        <translation>This database already has accounts.</translation>
    </message>
    <message>
        <source>een account van een leidinggevende maken of zijn wachtwoord herstellen kan alleen met de handtekening van een tweede leidinggevende (vier ogen)</source>
        <translation>making a team leader&apos;s account or resetting a team leader&apos;s password needs the signature of a second team leader (four eyes)</translation>
    </message>
    <message>
        <source>alleen een beheerder kan accounts toevoegen</source>
        <translation>only an administrator can add accounts</translation>
    </message>
    <message>
        <source>alleen een beheerder kan accounts verwijderen</source>
        <translation>only an administrator can delete accounts</translation>
    </message>
    <message>
        <source>u kunt uw eigen account niet verwijderen</source>
        <translation>you cannot delete your own account</translation>
    </message>
    <message>
        <source>Huidig wachtwoord</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>klopt niet.</source>
        <translation>is not correct.</translation>
    </message>
    <message>
        <source>alleen een beheerder kan wachtwoorden herstellen</source>
        <translation>only an administrator can reset passwords</translation>
    </message>
    <message>
        <source>uw eigen wachtwoord wijzigt u met &apos;Wachtwoord wijzigen&apos;</source>
        <translation>you change your own password with &apos;Change password&apos;</translation>
    </message>
    <message>
        <source>alleen een beheerder kan accounts beheren</source>
        <translation>only an administrator can manage accounts</translation>
    </message>
    <message>
        <source>geen actief account met deze naam.</source>
        <translation>no active account with this name.</translation>
    </message>
    <message>
        <source>dit alarm bestaat niet of is niet voor u bedoeld</source>
        <translation>this alarm does not exist or is not meant for you</translation>
    </message>
    <message>
        <source>dit alarm is voor leidinggevenden</source>
        <translation>this alarm is for team leaders</translation>
    </message>
    <message>
        <source>dit alarm is voor collega&apos;s die buddy kunnen zijn</source>
        <translation>this alarm is for colleagues who can act as buddy</translation>
    </message>
    <message>
        <source>dit bezoek bestaat niet</source>
        <translation>this visit does not exist</translation>
    </message>
    <message>
        <source>dit alarm is voor de buddy van het bezoek</source>
        <translation>this alarm is for the visit&apos;s buddy</translation>
    </message>
    <message>
        <source>dit alarm bestaat niet</source>
        <translation>this alarm does not exist</translation>
    </message>
    <message>
        <source>alleen een collega die buddy kan zijn handelt dit alarm af</source>
        <translation>only a colleague who can act as buddy handles this alarm</translation>
    </message>
    <message>
        <source>alleen een leidinggevende bevestigt dit alarm</source>
        <translation>only a team leader acknowledges this alarm</translation>
    </message>
    <message>
        <source>alleen de buddy of een leidinggevende bevestigt dit alarm</source>
        <translation>only the buddy or a team leader acknowledges this alarm</translation>
    </message>
    <message>
        <source>alleen een beheerder kan demodata laden</source>
        <translation>only an administrator can load demo data</translation>
    </message>
    <message>
        <source>alleen een leidinggevende kan een adres exporteren</source>
        <translation>only a team leader can export an address</translation>
    </message>
    <message>
        <source>{name} heeft dit al overgenomen.</source>
        <translation>{name} has already taken this over.</translation>
    </message>
    <message>
        <source>u bent geen buddy</source>
        <translation>you are not a buddy</translation>
    </message>
    <message>
        <source>Collega</source>
        <translation>Colleague</translation>
    </message>
    <message>
        <source>naam of wachtwoord van de collega klopt niet.</source>
        <translation>the colleague&apos;s name or password is wrong.</translation>
    </message>
    <message>
        <source>dat bent u zelf; laat een collega hier inloggen.</source>
        <translation>that is you; let a colleague log in here.</translation>
    </message>
    <message>
        <source>deze collega kan geen buddy zijn.</source>
        <translation>this colleague cannot be a buddy.</translation>
    </message>
    <message>
        <source>deze collega is zelf de bezoeker van een van deze bezoeken.</source>
        <translation>this colleague is the visitor of one of these visits.</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>de datum &apos;van&apos; ligt na de datum &apos;tot en met&apos;.</source>
        <translation>the &apos;from&apos; date is after the &apos;to&apos; date.</translation>
    </message>
    <message>
        <source>alleen een leidinggevende geeft toestemming bij rood</source>
        <translation>only a team leader gives consent at red</translation>
    </message>
    <message>
        <source>dit incident bestaat niet of u mag het niet zien</source>
        <translation>this incident does not exist or you may not see it</translation>
    </message>
    <message>
        <source>dit bezoek bestaat niet of u mag het niet zien</source>
        <translation>this visit does not exist or you may not see it</translation>
    </message>
    <message>
        <source>u mag geen incidenten melden</source>
        <translation>you may not report incidents</translation>
    </message>
    <message>
        <source>u meldt alleen incidenten die u zelf overkwamen</source>
        <translation>you only report incidents that happened to you</translation>
    </message>
    <message>
        <source>kies een actieve medewerker.</source>
        <translation>choose an active employee.</translation>
    </message>
    <message>
        <source>Bezoek</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>een incident hoort bij een bezoek dat al is begonnen.</source>
        <translation>an incident belongs to a visit that has already started.</translation>
    </message>
    <message>
        <source>u ging niet mee op dit bezoek</source>
        <translation>you did not go on this visit</translation>
    </message>
    <message>
        <source>alleen een leidinggevende legt de nazorg vast</source>
        <translation>only a team leader records the aftercare</translation>
    </message>
    <message>
        <source>deze bijlage bestaat niet</source>
        <translation>this attachment does not exist</translation>
    </message>
    <message>
        <source>alleen wie de bijlage toevoegde verwijdert haar</source>
        <translation>only whoever added the attachment deletes it</translation>
    </message>
    <message>
        <source>voor dit incident is al een adresnotitie voorgesteld.</source>
        <translation>an address note has already been proposed for this incident.</translation>
    </message>
    <message>
        <source>Het bezoek is als concept bewaard, maar nog niet gepland: {cause} U kunt het plannen vanuit Mijn bezoeken.</source>
        <translation>The visit was saved as a draft, but not scheduled yet: {cause} You can schedule it from My visits.</translation>
    </message>
    <message>
        <source>{name} is geen leidinggevende en kan geen toestemming geven</source>
        <translation>{name} is not a team leader and cannot give consent</translation>
    </message>
    <message>
        <source>het advies bij {level} is om met twee te gaan; leg vast waarom u alleen gaat.</source>
        <translation>the advice at {level} is to go as a pair; record why you are going alone.</translation>
    </message>
    <message>
        <source>Reden toestemming</source>
        <translation>Reason for consent</translation>
    </message>
    <message>
        <source>beschrijf in een zin waarom het bezoek doorgaat.</source>
        <translation>describe in a sentence why the visit goes ahead.</translation>
    </message>
    <message>
        <source>u kunt niet zelf toestemming geven voor uw eigen bezoek; vraag een andere leidinggevende</source>
        <translation>you cannot give consent for your own visit; ask another team leader</translation>
    </message>
    <message>
        <source>u mag geen bezoeken plannen</source>
        <translation>you may not plan visits</translation>
    </message>
    <message>
        <source>Toestemming leidinggevende</source>
        <translation>Team leader’s consent</translation>
    </message>
    <message>
        <source>bij rood gaat het bezoek alleen door met vastgelegde toestemming van uw leidinggevende. Laat uw leidinggevende nu tekenen, of sla het bezoek op als concept en vraag de toestemming later aan.</source>
        <translation>at red the visit only goes ahead with recorded consent from your team leader. Have your team leader sign now, or save the visit as a draft and ask for consent later.</translation>
    </message>
    <message>
        <source>alleen een leidinggevende geeft toestemming</source>
        <translation>only a team leader gives consent</translation>
    </message>
    <message>
        <source>Reden afwijking</source>
        <translation>Reason for deviating</translation>
    </message>
    <message>
        <source>bewerkt</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>u mag geen adresnotities voorstellen</source>
        <translation>you may not propose address notes</translation>
    </message>
    <message>
        <source>deze notitie bestaat niet</source>
        <translation>this note does not exist</translation>
    </message>
    <message>
        <source>alleen een leidinggevende beheert adresnotities</source>
        <translation>only a team leader manages address notes</translation>
    </message>
    <message>
        <source>u mag het register niet raadplegen</source>
        <translation>you may not consult the register</translation>
    </message>
    <message>
        <source>alleen een leidinggevende ziet herbeoordelingen</source>
        <translation>only a team leader sees reviews</translation>
    </message>
    <message>
        <source>alleen een leidinggevende bewerkt adresnotities</source>
        <translation>only a team leader edits address notes</translation>
    </message>
    <message>
        <source>deze notitie bestaat niet of u mag haar niet zien</source>
        <translation>this note does not exist or you may not see it</translation>
    </message>
    <message>
        <source>alleen een leidinggevende ziet het hele register</source>
        <translation>only a team leader sees the whole register</translation>
    </message>
    <message>
        <source>kies 1 tot en met {count} maanden.</source>
        <translation>choose 1 to {count} months.</translation>
    </message>
    <message>
        <source>alleen een leidinggevende ziet rapportages</source>
        <translation>only a team leader sees reports</translation>
    </message>
    <message>
        <source>alleen een beheerder of leidinggevende past bewaartermijnen toe</source>
        <translation>only an administrator or team leader applies retention periods</translation>
    </message>
    <message>
        <source>alleen een beheerder wijzigt instellingen</source>
        <translation>only an administrator changes settings</translation>
    </message>
    <message>
        <source>{name} is niet ingelogd; kies een andere collega.</source>
        <translation>{name} is not logged in; choose another colleague.</translation>
    </message>
    <message>
        <source>het telefoonnummer van {name} kan niet gebeld worden; kies een andere collega.</source>
        <translation>{name}&apos;s phone number cannot be called; choose another colleague.</translation>
    </message>
    <message>
        <source>een bezoek met status &apos;{status}&apos; belt u niet.</source>
        <translation>you do not call a visit with status &apos;{status}&apos;.</translation>
    </message>
    <message>
        <source>kies een actieve collega als buddy.</source>
        <translation>choose an active colleague as buddy.</translation>
    </message>
    <message>
        <source>een beheerder zonder medewerkersrol kan geen buddy zijn.</source>
        <translation>an administrator without the employee role cannot be a buddy.</translation>
    </message>
    <message>
        <source>kies alleen actieve collega&apos;s.</source>
        <translation>choose only active colleagues.</translation>
    </message>
    <message>
        <source>u kunt alleen uw eigen bezoeken plannen</source>
        <translation>you can only plan your own visits</translation>
    </message>
    <message>
        <source>alleen een leidinggevende kan toestemming geven</source>
        <translation>only a team leader can give consent</translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>toestemming kan alleen vóór het plannen.</source>
        <translation>consent is only possible before scheduling.</translation>
    </message>
    <message>
        <source>alleen de bezoeker of een leidinggevende kan dit doen</source>
        <translation>only the visitor or a team leader can do this</translation>
    </message>
    <message>
        <source>bij rood gaat het bezoek alleen door met vastgelegde toestemming van uw leidinggevende.</source>
        <translation>at red the visit only goes ahead with recorded consent from your team leader.</translation>
    </message>
    <message>
        <source>kies een andere buddy of vertrek zonder bereikbare buddy, niet allebei.</source>
        <translation>choose another buddy or leave without a reachable buddy, not both.</translation>
    </message>
    <message>
        <source>u mag geen terugbelgesprekken vastleggen</source>
        <translation>you may not record call-backs</translation>
    </message>
    <message>
        <source>alleen de buddy of een leidinggevende belt dit bezoek</source>
        <translation>only the buddy or a team leader calls this visit</translation>
    </message>
    <message>
        <source>Geen database gevonden in {where}.</source>
        <translation>No database found in {where}.</translation>
    </message>
    <message>
        <source>In {where} staat al een database; er is niets veranderd.</source>
        <translation>There already is a database in {where}; nothing was changed.</translation>
    </message>
    <message>
        <source>Het bestand {where} is alleen-lezen; Veilig Huisbezoek moet het kunnen wijzigen.</source>
        <translation>The file {where} is read-only; Veilig Huisbezoek needs to be able to change it.</translation>
    </message>
    <message>
        <source>De map {where} is alleen-lezen; Veilig Huisbezoek moet daar kunnen schrijven.</source>
        <translation>The folder {where} is read-only; Veilig Huisbezoek needs to be able to write there.</translation>
    </message>
    <message>
        <source>Het sleutelbestand is beschadigd of hoort niet bij Veilig Huisbezoek.</source>
        <translation>The key file is damaged or does not belong to Veilig Huisbezoek.</translation>
    </message>
    <message>
        <source>Het sleutelbestand heeft een onbekende versie; werk de app bij.</source>
        <translation>The key file has an unknown version; update the app.</translation>
    </message>
    <message>
        <source>account</source>
        <translation>account</translation>
    </message>
    <message>
        <source>bezoek</source>
        <translation>visit</translation>
    </message>
    <message>
        <source>bezoeksgebeurtenis</source>
        <translation>visit event</translation>
    </message>
    <message>
        <source>risico-inschatting</source>
        <translation>risk assessment</translation>
    </message>
    <message>
        <source>adresnotitie</source>
        <translation>address note</translation>
    </message>
    <message>
        <source>auditregel</source>
        <translation>audit log entry</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>incident</translation>
    </message>
    <message>
        <source>incidentstap</source>
        <translation>incident step</translation>
    </message>
    <message>
        <source>melding/aangifte</source>
        <translation>police notification/report</translation>
    </message>
    <message>
        <source>nazorggesprek</source>
        <translation>aftercare conversation</translation>
    </message>
    <message>
        <source>bijlage</source>
        <translation>attachment</translation>
    </message>
    <message>
        <source>Een versleuteld gegeven van {record} {row} ({column}) is beschadigd of hoort daar niet; het wordt niet getoond.</source>
        <translation>An encrypted value of {record} {row} ({column}) is damaged or does not belong there; it is not shown.</translation>
    </message>
    <message>
        <source>De map {where} is niet leeg; herstel alleen in een lege map.</source>
        <translation>The folder {where} is not empty; restore only into an empty folder.</translation>
    </message>
    <message>
        <source>Back-upbestand niet gevonden: {file}</source>
        <translation>Backup file not found: {file}</translation>
    </message>
    <message>
        <source>De back-up is beschadigd: {verdict}</source>
        <translation>The backup is damaged: {verdict}</translation>
    </message>
    <message>
        <source>De database is beschadigd of is geen database van Veilig Huisbezoek. Er is niets overschreven; herstel zo nodig een back-up.</source>
        <translation>The database is damaged or is not a Veilig Huisbezoek database. Nothing was overwritten; restore a backup if needed.</translation>
    </message>
    <message>
        <source>De database is bezet door een ander programma; probeer het zo opnieuw.</source>
        <translation>The database is in use by another program; try again in a moment.</translation>
    </message>
    <message>
        <source>De database is nog open in een ander venster of programma; de nieuwe sleutel wordt gebruikt zodra de database daar gesloten is.</source>
        <translation>The database is still open in another window or program; the new key is used as soon as the database is closed there.</translation>
    </message>
    <message>
        <source>Het databasebestand ontbreekt naast het sleutelbestand; herstel een back-up.</source>
        <translation>The database file is missing next to the key file; restore a backup.</translation>
    </message>
    <message>
        <source>De database kon niet opnieuw versleuteld worden; hij blijft met de oude sleutel werken. Probeer het later opnieuw.</source>
        <translation>The database could not be re-encrypted; it keeps working with the old key. Try again later.</translation>
    </message>
    <message>
        <source>Het bestand is geen back-up van Veilig Huisbezoek of is beschadigd.</source>
        <translation>The file is not a Veilig Huisbezoek backup or is damaged.</translation>
    </message>
    <message>
        <source>De database in deze back-up is beschadigd; kies een andere back-up.</source>
        <translation>The database in this backup is damaged; choose another backup.</translation>
    </message>
    <message>
        <source>De teamserver bevat al gegevens; kopieer alleen naar een lege server.</source>
        <translation>The team server already holds data; copy only to an empty server.</translation>
    </message>
    <message>
        <source>Het adres van de teamserver is ongeldig.</source>
        <translation>The team server&apos;s address is not valid.</translation>
    </message>
    <message>
        <source>De poort van de teamserver moet tussen 1 en 65535 liggen.</source>
        <translation>The team server&apos;s port must be between 1 and 65535.</translation>
    </message>
    <message>
        <source>Teammodus werkt met een PostgreSQL-server (postgresql://…).</source>
        <translation>Team mode works with a PostgreSQL server (postgresql://…).</translation>
    </message>
    <message>
        <source>Noem de database in het adres van de teamserver (…/naam).</source>
        <translation>Name the database in the team server&apos;s address (…/name).</translation>
    </message>
    <message>
        <source>De verbinding met de teamserver moet versleuteld zijn (TLS): gebruik sslmode=verify-full (aanbevolen), verify-ca of require.</source>
        <translation>The connection to the team server must be encrypted (TLS): use sslmode=verify-full (recommended), verify-ca or require.</translation>
    </message>
    <message>
        <source>Zet geen wachtwoord in het adres van de teamserver: u logt in met uw eigen naam en wachtwoord.</source>
        <translation>Do not put a password in the team server&apos;s address: you log in with your own name and password.</translation>
    </message>
    <message>
        <source>Het verbindingsprofiel {path} is beschadigd; stel de teamserver opnieuw in met &apos;veilig-huisbezoek admin use-server&apos;.</source>
        <translation>The connection profile {path} is damaged; set up the team server again with &apos;veilig-huisbezoek admin use-server&apos;.</translation>
    </message>
    <message>
        <source>Het verbindingsprofiel {path} is niet leesbaar.</source>
        <translation>The connection profile {path} cannot be read.</translation>
    </message>
    <message>
        <source>Het verbindingsprofiel {path}: {cause}</source>
        <translation>The connection profile {path}: {cause}</translation>
    </message>
    <message>
        <source>De teamserver weigert dit voor uw account: {reason}.</source>
        <translation>The team server refuses this for your account: {reason}.</translation>
    </message>
    <message>
        <source>De teamserver weigert dit voor uw account (rechten per rol).</source>
        <translation>The team server refuses this for your account (permissions per role).</translation>
    </message>
    <message>
        <source>Deze server is (nog) niet ingericht als teamserver.</source>
        <translation>This server has not been set up as a team server (yet).</translation>
    </message>
    <message>
        <source>Deze update versleutelt de bestaande gegevens opnieuw en heeft daarvoor de teamsleutel nodig: geef ook --user (een account op de server) en diens wachtwoord.</source>
        <translation>This update re-encrypts the existing data and needs the team key for that: also give --user (an account on the server) and its password.</translation>
    </message>
    <message>
        <source>De teamsleutel verandert steeds; probeer het later opnieuw.</source>
        <translation>The team key keeps changing; try again later.</translation>
    </message>
    <message>
        <source>De teamserver heeft een andere schemaversie dan deze app; laat de beheerder &apos;veilig-huisbezoek admin upgrade-server&apos; uitvoeren.</source>
        <translation>The team server has a different schema version than this app; ask the administrator to run &apos;veilig-huisbezoek admin upgrade-server&apos;.</translation>
    </message>
    <message>
        <source>Op een teamserver herstelt de beheerder andermans wachtwoord.</source>
        <translation>On a team server the administrator resets someone else&apos;s password.</translation>
    </message>
    <message>
        <source>Log opnieuw in en wijzig dan uw wachtwoord.</source>
        <translation>Log in again and then change your password.</translation>
    </message>
    <message>
        <source>Een teamserver wordt op de server zelf geback-upt (pg_dump door de beheerder van de server); de app maakt daar geen bestanden van.</source>
        <translation>A team server is backed up on the server itself (pg_dump by the server&apos;s administrator); the app makes no files of it.</translation>
    </message>
    <message>
        <source>Onjuiste gebruikersnaam of wachtwoord</source>
        <translation>Incorrect user name or password</translation>
    </message>
    <message>
        <source>Uw wachtwoord opent deze database niet meer: de sleutel van de database is vervangen. Vraag de beheerder om een nieuw wachtwoord.</source>
        <translation>Your password no longer opens this database: the database&apos;s key was replaced. Ask the administrator for a new password.</translation>
    </message>
    <message>
        <source>Deze database is gemaakt met een nieuwere versie van Veilig Huisbezoek. Werk de app bij; de database is niet gewijzigd.</source>
        <translation>This database was made with a newer version of Veilig Huisbezoek. Update the app; the database was not changed.</translation>
    </message>
    <message>
        <source>De schijf is vol. Wat al was opgeslagen blijft bewaard; maak ruimte vrij en probeer opnieuw.</source>
        <translation>The disk is full. What was already saved is kept; free up space and try again.</translation>
    </message>
    <message>
        <source>De teamserver is niet bereikbaar. Wat u ziet is de laatst bekende stand; de app probeert het opnieuw.</source>
        <translation>The team server cannot be reached. What you see is the last known state; the app keeps trying.</translation>
    </message>
    <message>
        <source>Op een teamserver zijn namen en adressen versleuteld: de server kan er niet in zoeken.</source>
        <translation>On a team server names and addresses are encrypted: the server cannot search in them.</translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Telefoonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>medewerker (handhaver)</source>
        <translation>employee (enforcement officer)</translation>
    </message>
    <message>
        <source>medewerker (Wmo-consulent), vaak buddy</source>
        <translation>employee (Wmo social support consultant), often the buddy</translation>
    </message>
    <message>
        <source>medewerker (jeugd)</source>
        <translation>employee (youth care)</translation>
    </message>
    <message>
        <source>leidinggevende / coördinator agressie en geweld</source>
        <translation>team leader / aggression and violence coordinator</translation>
    </message>
    <message>
        <source>beheerder</source>
        <translation>administrator</translation>
    </message>
</context>
</TS>
