<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts van deze database. Iedereen logt in met een eigen wachtwoord; een verwijderd account kan de database niet meer openen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord instellen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {user} toegevoegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies eerst een account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuw wachtwoord voor {user}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuw wachtwoord ingesteld voor {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {user} verwijderen? Deze persoon kan daarna niet meer inloggen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {user} verwijderd.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <source>Voornaam: dit veld is verplicht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De wachtwoorden zijn niet gelijk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met aanmaken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database aanmaken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmaken mislukt door een onverwachte fout.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWidget</name>
    <message>
        <source>Veilig Huisbezoek — eerste gebruik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welkom bij Veilig Huisbezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is nog geen database. Maak het eerste account aan: u wordt beheerder en leidinggevende en kunt daarna collega&apos;s toevoegen. Het wachtwoord wordt nergens bewaard; vergeet het niet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voornaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voornaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Achternaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Herhaal wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimaal 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database aanmaken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database aanmaken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>&lt;b&gt;Demo-database&lt;/b&gt; (wordt bij afsluiten gewist). Accounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen database in {folder}. Laat de beheerder er een aanmaken met &apos;veilig-huisbezoek admin init&apos;, of start met --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met inloggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inloggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vul uw gebruikersnaam en wachtwoord in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inloggen mislukt door een onverwachte fout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vergrendeld. Log opnieuw in om verder te gaan; niets is verloren.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <source>Veilig Huisbezoek — inloggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veilig Huisbezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in met uw eigen naam en wachtwoord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let op: Caps Lock staat aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarschuwing Caps Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inloggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inloggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Taal / Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo-accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Account toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voornaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Achternaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wachtwoord (eerste keer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewWidget</name>
    <message>
        <source>Ingelogd als</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <source>Ingelogd als &lt;b&gt;{name}&lt;/b&gt; ({roles})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingelogd als</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scherm vergrendelen; niets gaat verloren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uitloggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitloggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
