"""English for every Dutch source string of the app (resources/translations/*_en.ts).

tools/update_translations.py fills each message lupdate marks unfinished from this
table, so a translator can still refine a text in Qt Linguist: a finished translation
in the .ts is never overwritten. Keep mnemonics (&) unique per screen and keep the
{placeholders} as they are; tests/gui/test_translations.py checks both.
"""

from __future__ import annotations

# The same Dutch text in a different place, with a different English meaning.
BY_CONTEXT: dict[tuple[str, str], str] = {
    ("AlarmRow", "Bevestigen"): "Acknowledge",
    ("AlarmRow", "Bellen"): "Call",
}

EN: dict[str, str] = {
    # ---- handover and take-over (services/handover.py, gui/handover_dialog.py) -------
    "dit bezoek loopt niet meer": "this visit is no longer running",
    "alleen de buddy of een leidinggevende draagt een bezoek over": (
        "only the buddy or a team leader hands a visit over"
    ),
    "kies een collega die buddy kan zijn, niet de bezoeker zelf": (
        "choose a colleague who can be a buddy, not the visitor themselves"
    ),
    "alleen een collega die buddy kan zijn neemt een bezoek over": (
        "only a colleague who can be a buddy takes a visit over"
    ),
    "de buddy is aanwezig; overnemen kan als de buddy niet bereikbaar is": (
        "the buddy is present; taking over is possible when the buddy cannot be reached"
    ),
    "{name} heeft dit al overgenomen.": "{name} has already taken this over.",
    "u bent geen buddy": "you are not a buddy",
    "Bezoeken overdragen": "Hand over visits",
    "U bent buddy van {count} lopend(e) bezoek(en). Als u weggaat, kijkt er niemand meer "
    "mee. Draag ze over aan een collega, of blijf.": (
        "You are the buddy of {count} running visit(s). If you leave, nobody watches them "
        "any more. Hand them over to a colleague, or stay."
    ),
    "{name} — {address} — terug om {time}": "{name} — {address} — back at {time}",
    "Er is nu geen andere collega ingelogd": "No other colleague is logged in now",
    "Inloggen en over&dragen": "Log in and hand &over",
    "Over&dragen": "Hand &over",
    "Inloggen en overdragen": "Log in and hand over",
    "Overdragen": "Hand over",
    "Vink minstens één bezoek aan, of kies Ik blijf.": "Tick at least one visit, or choose I stay.",
    "Vul de gebruikersnaam en het wachtwoord van de collega in.": (
        "Fill in the colleague's user name and password."
    ),
    "Deze collega is zelf de bezoeker; kies een ander.": (
        "This colleague is the visitor; choose someone else."
    ),
    "Overgedragen. Nog over: de bezoeken hierboven.": "Handed over. Left: the visits above.",
    "Overdragen mislukt door een onverwachte fout.": "Handing over failed: an unexpected error.",
    "&Lopende bezoeken die u bewaakt (aangevinkt: overdragen)": (
        "&Running visits you watch (ticked: hand over)"
    ),
    "Lopende bezoeken die u bewaakt": "Running visits you watch",
    "Overdragen aan een collega die nu &ingelogd is": (
        "Hand over to a colleague who is &logged in now"
    ),
    "Overdragen aan een collega die nu ingelogd is": (
        "Hand over to a colleague who is logged in now"
    ),
    "&Collega": "&Colleague",
    "Collega die nu ingelogd is": "Colleague who is logged in now",
    "Een collega logt &hier in en neemt het over": "A colleague logs in &here and takes over",
    "Een collega logt hier in en neemt het over": "A colleague logs in here and takes over",
    "&Gebruikersnaam van de collega": "Colleague's &user name",
    "Gebruikersnaam van de collega": "Colleague's user name",
    "&Wachtwoord van de collega": "Colleague's &password",
    "Wachtwoord van de collega": "Colleague's password",
    "Ik &blijf": "I &stay",
    "Ik blijf": "I stay",
    "Bezoeken niet te controleren": "Visits could not be checked",
    "Er kon niet worden nagekeken of u nog buddy bent van lopende bezoeken. Gaat u toch "
    "weg, dan ziet een collega binnen een minuut dat niemand meekijkt. Toch doorgaan?": (
        "It could not be checked whether you are still the buddy of running visits. If you "
        "leave anyway, a colleague sees within a minute that nobody is watching. Continue?"
    ),
    "Veilig Huisbezoek blijft actief": "Veilig Huisbezoek keeps running",
    "Het venster is gesloten, maar de app blijft in het systeemvak draaien, zodat "
    "terugbelmomenten en alarmen doorgaan. Afsluiten kan via het menu van dit pictogram.": (
        "The window is closed, but the app keeps running in the system tray, so that "
        "call-backs and alarms go on. Quit from this icon's menu."
    ),
    "Overgedragen: {name} kijkt nu mee.": "Handed over: {name} is watching now.",
    "Veilig Huisbezoek &openen": "&Open Veilig Huisbezoek",
    "&Over Veilig Huisbezoek…": "&About Veilig Huisbezoek…",
    "Over Veilig Huisbezoek": "About Veilig Huisbezoek",
    "<b>Veilig Huisbezoek</b> versie {version}": "<b>Veilig Huisbezoek</b> version {version}",
    "Veilig Huisbezoek versie {version}": "Veilig Huisbezoek version {version}",
    "Gegevensmap: {data}\nLogbestanden: {log}": "Data folder: {data}\nLog files: {log}",
    "&Starten bij aanmelden": "&Start at login",
    "Start Veilig Huisbezoek als u zich op deze computer aanmeldt": (
        "Start Veilig Huisbezoek when you log in on this computer"
    ),
    "&Onderdelen en licenties:": "&Components and licences:",
    "Onderdelen en licenties": "Components and licences",
    "&Diagnose kopiëren": "Copy &diagnosis",
    "Versies, mappen en de laatste fouten, zonder persoonsgegevens, voor IT": (
        "Versions, folders and the last errors, without personal data, for IT"
    ),
    "Starten bij aanmelden": "Start at login",
    "Starten bij aanmelden kon niet worden aangepast op deze computer. Vraag IT om hulp.": (
        "Starting at login could not be changed on this computer. Ask IT for help."
    ),
    "Diagnose gekopieerd: plak die in uw bericht aan IT (Ctrl+V).": (
        "Diagnosis copied: paste it into your message to IT (Ctrl+V)."
    ),
    "Veilig Huisbezoek is gestart. Klik op dit pictogram om in te loggen en weer mee te kijken.": (
        "Veilig Huisbezoek has started. Click this icon to log in and watch again."
    ),
    "&Afsluiten": "&Quit",
    "Niemand kijkt mee": "Nobody is watching",
    "{name} was buddy van {count} lopend(e) bezoek(en) en is nu uitgelogd: niemand kijkt "
    "daar nog mee. Neemt u ze over?": (
        "{name} was the buddy of {count} running visit(s) and is now logged out: nobody "
        "watches them any more. Will you take them over?"
    ),
    "&Overnemen": "&Take over",
    "&Niet nu": "&Not now",
    "U kijkt nu mee met {count} bezoek(en).": "You are now watching {count} visit(s).",
    "Overnemen mislukt door een onverwachte fout.": "Taking over failed: an unexpected error.",
    "Uw buddy (of een andere collega) logt hier in en kijkt vanaf deze computer mee. U "
    "wordt daarbij uitgelogd.": (
        "Your buddy (or another colleague) logs in here and watches from this computer. "
        "You are logged out."
    ),
    "Mijn buddy of een collega logt &hier in": "My buddy or a colleague logs in &here",
    "{name} kijkt nu mee vanaf deze computer.": "{name} is now watching from this computer.",
    "Collega": "Colleague",
    "naam of wachtwoord van de collega klopt niet.": "the colleague's name or password is wrong.",
    "dat bent u zelf; laat een collega hier inloggen.": (
        "that is you; let a colleague log in here."
    ),
    "deze collega kan geen buddy zijn.": "this colleague cannot be a buddy.",
    "deze collega is zelf de bezoeker van een van deze bezoeken.": (
        "this colleague is the visitor of one of these visits."
    ),
    # ---- accounts ---------------------------------------------------------------
    "Accounts": "Accounts",
    "Accounts van deze database. Iedereen logt in met een eigen wachtwoord; een verwijderd "
    "account kan de database niet meer openen.": "Accounts of this database. Everyone logs in "
    "with their own password; a deleted account can no longer open the database.",
    "Account &toevoegen…": "&Add account…",
    "&Nieuw wachtwoord instellen…": "Set &new password…",
    "Account &verwijderen": "&Delete account",
    "Melding": "Message",
    "Account {user} toegevoegd.": "Account {user} added.",
    "Kies eerst een account.": "Choose an account first.",
    "Nieuw wachtwoord": "New password",
    "Nieuw wachtwoord voor {user}:": "New password for {user}:",
    "Nieuw wachtwoord ingesteld voor {user}.": "New password set for {user}.",
    "Account verwijderen": "Delete account",
    "Account {user} verwijderen? Deze persoon kan daarna niet meer inloggen.": "Delete account "
    "{user}? This person will no longer be able to log in.",
    "Account {user} verwijderd.": "Account {user} deleted.",
    "Account toevoegen": "Add account",
    "&Telefoon": "P&hone",
    "&Rol": "&Role",
    "&Wachtwoord (eerste keer)": "&Password (first time)",
    # ---- four eyes: a second leidinggevende co-signs, password notices -------------
    "Tweede leidinggevende tekent mee": "A second team leader co-signs",
    "Vier ogen: een account van een leidinggevende maken of zijn wachtwoord herstellen kan "
    "alleen als een tweede leidinggevende hier met eigen naam en wachtwoord meetekent.": (
        "Four eyes: making a team leader's account or resetting a team leader's password "
        "needs a second team leader to co-sign here with their own name and password."
    ),
    "Naam twee&de leidinggevende": "Secon&d team leader's user name",
    "Wa&chtwoord tweede leidinggevende": "Se&cond team leader's password",
    "Gebruikersnaam tweede leidinggevende": "Second team leader's user name",
    "Wachtwoord tweede leidinggevende": "Second team leader's password",
    "Uw wachtwoord is op {date} om {time} opnieuw ingesteld door {name}.": "Your password was "
    "reset on {date} at {time} by {name}.",
    "Medeondertekend door {name}.": "Co-signed by {name}.",
    "Vroeg u hier niet zelf om? Meld het dan meteen bij uw leidinggevende.": "Did you not ask "
    "for this yourself? Then tell your team leader at once.",
    "Uw wachtwoord is hersteld": "Your password was reset",
    "Bewerking opgeslagen als voorstel ({address}). De notitie blijft waarschuwen zoals ze "
    "was, tot een andere leidinggevende de bewerking goedkeurt.": "Edit saved as a proposal "
    "({address}). The note keeps warning as it was until another team leader approves the edit.",
    "Voorstel bijgewerkt: {address}. Een andere leidinggevende keurt het goed.": "Proposal "
    "updated: {address}. Another team leader approves it.",
    # ---- alarm panel --------------------------------------------------------------
    "Alarmen": "Alarms",
    "{symbol} Alarm: bezoek van {name} — ontgrendel voor details": "{symbol} Alarm: visit by "
    "{name} — unlock for details",
    "{symbol} Alarm — ontgrendel voor details": "{symbol} Alarm — unlock for details",
    "Alarm — ontgrendel voor details": "Alarm — unlock for details",
    "{name} ({phone})": "{name} ({phone})",
    "Terugbelmoment: bel nu {who} — {where}. Gepland om {time}.": "Call-back due: call {who} "
    "now — {where}. Scheduled for {time}.",
    "Te laat terug: {who} is nog niet terug — {where}. Alarm om {time}.": "Overdue return: "
    "{who} is not back yet — {where}. Alarm at {time}.",
    "Escalatie: alarm niet bevestigd — bezoek van {who}, {where}. Sinds {time}.": "Escalation: "
    "alarm not acknowledged — visit by {who}, {where}. Since {time}.",
    "Termijn verloopt om {time}.": "Deadline expires at {time}.",
    "Bezoek van {name}.": "Visit by {name}.",
    "(te laat — oorspronkelijk {time})": "(late — originally {time})",
    "{symbol} ESCALATIE: {count} alarm(en) niet op tijd bevestigd": "{symbol} ESCALATION: "
    "{count} alarm(s) not acknowledged in time",
    "{symbol} ALARM — {count} open; blijft staan tot u bevestigt": "{symbol} ALARM — {count} "
    "open; stays until you acknowledge",
    "{symbol} ALARM — {count} open": "{symbol} ALARM — {count} open",
    "Bellen": "Call",
    "Bellen over dit alarm": "Call about this alarm",
    "Bevestigen": "Confirm",
    "Alarm bevestigen": "Acknowledge alarm",
    "Het bezoek is inmiddels beëindigd (teruggemeld).": "The visit has since ended (reported "
    "back).",
    "uw buddy": "your buddy",
    "de buddy": "the buddy",
    "NOODSITUATIE bij het bezoek van {who} — {where}: {buddy} (buddy) heeft alarm geslagen "
    "en belt de politie of u.": "EMERGENCY at the visit of {who} — {where}: {buddy} (buddy) "
    "raised the alarm and is calling the police or you.",
    "{symbol} NOODSITUATIE: een buddy heeft alarm geslagen": "{symbol} EMERGENCY: a buddy "
    "raised the alarm",
    "Noodsituatie": "Emergency",
    "De buddy van {name} heeft alarm geslagen.": "{name}'s buddy raised the alarm.",
    "Noodsituatie, aan leidinggevenden": "Emergency, to the managers",
    "Terugbelmoment van {time} ({where}): {buddy} is gewaarschuwd om u te bellen.": "Call-back "
    "moment of {time} ({where}): {buddy} has been alerted to call you.",
    "U bent te laat terug ({where}): {buddy} is om {time} gewaarschuwd.": "You are overdue "
    "({where}): {buddy} was alerted at {time}.",
    "Escalatie: de leidinggevende is om {time} gewaarschuwd over uw bezoek ({where}).": ""
    "Escalation: the manager was alerted about your visit ({where}) at {time}.",
    "Bent u terug? Meld u dan nu terug.": "Are you back? Then report back now.",
    "{symbol} Melding over uw bezoek": "{symbol} About your visit",
    "Terugmelden…": "Report back…",
    "Terugmelden van uw bezoek": "Report back from your visit",
    "Bent u terug? Meld u terug in Mijn bezoeken; dan stopt het alarm.": "Are you back? Report "
    "back in My visits; that stops the alarm.",
    "Bevestig dat u het alarm gezien hebt; dit wordt vastgelegd.": "Confirm that you have seen "
    "the alarm; this is recorded.",
    "Bevestig dat u het alarm gezien hebt; dit wordt vastgelegd zodra de verbinding met de "
    "teamserver terug is.": "Confirm that you have seen the alarm; this is recorded once the "
    "connection to the team server is back.",
    "(nog niet vastgelegd — geen verbinding)": "(not recorded yet — no connection)",
    "Alarm bevestigd; dit wordt vastgelegd zodra de verbinding terug is.": "Alarm acknowledged; "
    "this is recorded once the connection is back.",
    "Waarschuwing": "Warning",
    "⚠ ALARM — {title}": "⚠ ALARM — {title}",
    # What a screen reader adds when an alarm appears (the buttons' texts).
    "Open het incident met Openen en bevestig met Bevestigen.": "Open the incident with Open "
    "and acknowledge with Acknowledge.",
    "Bel het nummer in de melding en bevestig met Bevestigen.": "Call the number in the alert "
    "and acknowledge with Acknowledge.",
    "Bel met de knop Bellen en bevestig met Bevestigen.": "Call with the Call button and "
    "acknowledge with Acknowledge.",
    # ---- board --------------------------------------------------------------------
    "Status": "Status",
    "Bezoeker": "Visitor",
    "Adres": "Address",
    "Niveau": "Level",
    "Volgend belmoment": "Next call-back",
    "Verwacht terug": "Expected back",
    "Status bezoek": "Visit state",
    "⚠ ALARM": "⚠ ALARM",
    "◷ te laat": "◷ overdue",
    "☎ nu bellen": "☎ call now",
    "✓ op schema": "✓ on schedule",
    "Alarm": "Alarm",
    "Te laat": "Overdue",
    "Nu bellen": "Call now",
    "Op schema": "On schedule",
    "Alarm: de verwachte terugkomst plus uitlooptijd is verstreken of het bezoek is "
    "geëscaleerd. Bel nu; geen gehoor: bel de leidinggevende en de politie.": "Alarm: the "
    "expected return plus grace time has passed or the visit has been escalated. Call now; "
    "no answer: call the team leader and the police.",
    "Te laat: de bezoeker is niet op tijd terug, of het belmoment is al langer dan de "
    "herhaaltijd voorbij. Bel nu.": "Overdue: the visitor is not back on time, or the "
    "call-back is overdue by more than the retry interval. Call now.",
    "Nu bellen: het belmoment is aangebroken.": "Call now: the call-back is due.",
    "Op schema: er hoeft nu niet gebeld te worden.": "On schedule: no call is needed right now.",
    "● groen": "● green",
    "▲ oranje": "▲ orange",
    "■ rood": "■ red",
    "Onderweg": "Under way",
    "Geëscaleerd": "Escalated",
    "over {}": "in {}",
    "nu": "now",
    "{} te laat": "{} overdue",
    "—": "—",
    "onbekend": "unknown",
    "Telefoon: {phone}. Buddy: {buddy}.": "Phone: {phone}. Buddy: {buddy}.",
    "Geen open belmoment.": "No open call-back.",
    "Belmoment om {time}.": "Call-back at {time}.",
    "Buddybord": "Buddy board",
    "Laden…": "Loading…",
    "Geen lopende bezoeken waarvoor u buddy bent.": "No running visits for which you are the "
    "buddy.",
    "onverwachte fout ({kind}).": "unexpected error ({kind}).",
    "Het buddybord kon niet worden geladen: {message}": "The buddy board could not be loaded: "
    "{message}",
    "Het is nu {time}": "It is now {time}",
    "⚠ 1 bezoek in alarm": "⚠ 1 visit in alarm",
    "⚠ {count} bezoeken in alarm": "⚠ {count} visits in alarm",
    " en nog {more}": " and {more} more",
    "{head}: {names}. Bel nu; geen gehoor? Bel de leidinggevende en de politie.": "{head}: "
    "{names}. Call now; no answer? Call the team leader and the police.",
    "1 lopend bezoek": "1 running visit",
    "{count} lopende bezoeken": "{count} running visits",
    "U bent niet de buddy van dit bezoek: {buddy} belt. Alleen de buddy of een leidinggevende "
    "legt het gesprek vast.": "You are not the buddy for this visit: {buddy} calls. Only the "
    "buddy or a team leader records the call.",
    "Rond eerst het lopende belgesprek af.": "Finish the current call first.",
    "Alleen de buddy ({buddy}) of een leidinggevende belt dit bezoek.": "Only the buddy "
    "({buddy}) or a team leader calls this visit.",
    "Open het belscherm voor het gekozen bezoek (Enter)": "Open the call screen for the "
    "selected visit (Enter)",
    "Huidige tijd": "Current time",
    "Alarmmelding": "Alarm message",
    "Foutmelding": "Error message",
    "Kies een bezoek en druk op Enter, dubbelklik of gebruik <b>Bellen</b> om het "
    "terugbelgesprek vast te leggen. Het urgentste bezoek staat bovenaan.": "Choose a visit and "
    "press Enter, double-click or use <b>Call</b> to record the call-back. The most urgent "
    "visit is at the top.",
    "Uitleg": "Explanation",
    "Lopende bezoeken": "Running visits",
    "Gesorteerd op urgentie: alarm, te laat, nu bellen, op schema. Enter opent het "
    "belscherm.": "Sorted by urgency: alarm, overdue, call now, on schedule. Enter opens the "
    "call screen.",
    "Geen lopende bezoeken": "No running visits",
    "Samenvatting": "Summary",
    "&Vernieuwen": "&Refresh",
    "Vernieuwen": "Refresh",
    "Laad de bezoeken opnieuw uit de database (F5)": "Reload the visits from the database (F5)",
    "☎ &Bellen": "☎ &Call",
    # ---- call dialog --------------------------------------------------------------
    "Terugbellen — {name}": "Call-back — {name}",
    "Alles in orde": "All is well",
    "Het volgende terugbelmoment blijft staan.": "The next call-back stays as planned.",
    "Eerder terugbellen": "Call back sooner",
    "Bel over 10 minuten opnieuw, blijf alert en informeer de leidinggevende.": "Call again in "
    "10 minutes, stay alert and inform the team leader.",
    "Bel nu 112": "Call 112 now",
    "Bel nu 112 en geef het volledige adres en wie er aanwezig zijn. Informeer daarna de "
    "leidinggevende.": "Call 112 now and give the full address and who is present. Then inform "
    "the team leader.",
    "Bel nu de politie": "Call the police now",
    "Er is iets mis. Bel nu de politie met het volledige adres: 112 bij direct gevaar, anders "
    "0900-8844. Houd de lijn open en informeer de leidinggevende.": "Something is wrong. Call "
    "the police now with the full address: 112 in immediate danger, otherwise 0900-8844. Keep "
    "the line open and inform the team leader.",
    "Niet bereikt: probeer het opnieuw": "Not reached: try again",
    "Bel over 5 minuten opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.": "Call "
    "again in 5 minutes. If there is still no answer, escalate.",
    "Bel over 1 minuut opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.": "Call "
    "again in 1 minute. If there is still no answer, escalate.",
    "Bel over {minutes} minuten opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.": (
        "Call again in {minutes} minutes. If there is still no answer, escalate."
    ),
    "Escaleer: bel de leidinggevende en de politie": "Escalate: call the team leader and the "
    "police",
    "Bel nu de leidinggevende en daarna de politie met het volledige adres en wie er aanwezig "
    "zijn.": "Call the team leader now, then the police, with the full address and who is present.",
    "Adres gekopieerd ✓": "Address copied ✓",
    "Geen telefoonnummer bekend": "No phone number known",
    "{address}, {city} · verwacht terug {time}": "{address}, {city} · expected back {time}",
    "Belmoment {time} ({countdown})": "Call-back {time} ({countdown})",
    "Extra belmoment (niet gepland)": "Extra call (not scheduled)",
    "Let op: de vorige poging ({time}) werd niet beantwoord. Wordt er nu weer niet opgenomen, "
    "dan escaleert u.": "Note: the previous attempt ({time}) was not answered. If there is no "
    "answer again now, escalate.",
    "Dit bezoek is niet meer onderweg (status: {state}); er valt niets vast te leggen.": "This "
    "visit is no longer under way (state: {state}); there is nothing to record.",
    "Alleen de buddy ({buddy}) of een leidinggevende legt dit gesprek vast.": "Only the buddy "
    "({buddy}) or a team leader records this call.",
    "Kies eerst hoe de bezoeker opnam.": "First choose how the visitor answered.",
    "Niet bereikt (Alt+N), Voornaam (Alt+V) of Achternaam (Alt+A).": "Not reached (Alt+N), "
    "First name (Alt+F) or Last name (Alt+L).",
    "Stel ook beide vragen.": "Ask both questions as well.",
    "Volgend belmoment: {time}.": "Next call-back: {time}.",
    "Houd de lijn open.": "Keep the line open.",
    "Vastgelegd om {time} door {buddy}.": "Recorded at {time} by {buddy}.",
    "☎ {emergency} bij direct gevaar, anders {general}": "☎ {emergency} in immediate danger, "
    "otherwise {general}",
    "☎ Politie: {numbers}": "☎ Police: {numbers}",
    " of ": " or ",
    "Van ons aanwezig: {people}": "Our people present: {people}",
    "Bewoners: {residents}": "Residents: {residents}",
    "Leidinggevende: {people}": "Team leader: {people}",
    "Bel de bezoeker": "Call the visitor",
    "Naam bezoeker": "Visitor's name",
    "Telefoonnummer bezoeker": "Visitor's phone number",
    "Belmoment": "Call-back",
    "Vorige poging": "Previous attempt",
    "Hoe nam de bezoeker op?": "How did the visitor answer?",
    "&Niet bereikt": "&Not reached",
    "Niet bereikt": "Not reached",
    "Er werd niet opgenomen (Alt+N)": "There was no answer (Alt+N)",
    "&Voornaam": "&First name",
    "Opgenomen met de voornaam": "Answered with the first name",
    "Opgenomen met de voornaam: alles in orde (Alt+V)": "Answered with the first name: all is "
    "well (Alt+F)",
    "&Achternaam": "&Last name",
    "Opgenomen met de achternaam": "Answered with the last name",
    "Opgenomen met de achternaam: er is iets mis (Alt+A)": "Answered with the last name: "
    "something is wrong (Alt+L)",
    "Voornaam = alles in orde. Achternaam = foute boel: er is iets mis.": "First name = all is "
    "well. Last name = trouble: something is wrong.",
    "Kun je vrijuit praten?": "Can you talk freely?",
    "&Ja": "&Yes",
    "Vrijuit praten: ja": "Can talk freely: yes",
    "N&ee": "N&o",
    "Vrijuit praten: nee": "Can talk freely: no",
    "Is de politie gewenst?": "Do you want the police?",
    "Ja, &politie": "Yes, &police",
    "Politie gewenst: ja": "Police wanted: yes",
    "Nee, &geen politie": "No, &without police",
    "Politie gewenst: nee": "Police wanted: no",
    "Wat u daarna doet:": "What you do next:",
    "Voorbeeld van de actie": "Preview of the action",
    "Uitleg van de actie": "Explanation of the action",
    "Annuleren": "Cancel",
    "Annuleren zonder vastleggen": "Cancel without recording",
    "Sluiten zonder iets vast te leggen (Esc)": "Close without recording anything (Esc)",
    "Vast&leggen": "&Record",
    "Vastleggen": "Record",
    "Leg het gesprek vast met tijd en buddy (Enter)": "Record the call with time and buddy (Enter)",
    "Actie": "Action",
    "Telefoonnummer politie": "Police phone number",
    "Wat u nu doet": "What you do now",
    "Adres voor de meldkamer:": "Address for the emergency operator:",
    "Volledig adres": "Full address",
    "&Kopieer adres": "&Copy address",
    "Kopieer het volledige adres": "Copy the full address",
    "Zet het volledige adres op het klembord (Alt+K)": "Put the full address on the clipboard "
    "(Alt+C)",
    "Wie van ons is er": "Who of us is there",
    "Bewoners": "Residents",
    "Leidinggevende": "Team leader",
    "Vastgelegd": "Recorded",
    "&Sluiten": "Clo&se",
    "Sluiten": "Close",
    # ---- checklist, consent -------------------------------------------------------
    "Situatiefactoren": "Situational factors",
    "Twee of meer keer ‘ja’ betekent minstens oranje.": "Two or more ‘yes’ answers mean at "
    "least orange.",
    "Ernstige factoren": "Serious factors",
    "Eén keer ‘ja’ betekent rood; ‘weet ik niet’ minstens oranje.": "A single ‘yes’ means red; "
    "‘don’t know’ means at least orange.",
    "Ja": "Yes",
    "Nee": "No",
    "Weet ik niet": "Don’t know",
    "Toestemming leidinggevende": "Team leader’s consent",
    "Bezig met controleren…": "Checking…",
    "&Toestemming geven": "&Give consent",
    "Vul de gebruikersnaam en het wachtwoord van de leidinggevende in.": "Enter the team "
    "leader’s user name and password.",
    "Controleren mislukt door een onverwachte fout.": "Checking failed because of an "
    "unexpected error.",
    "De leidinggevende geeft hier zelf toestemming voor dit bezoek met code rood, met de eigen "
    "gebruikersnaam en het eigen wachtwoord. Naam en reden worden vastgelegd.": "The team "
    "leader gives consent for this code red visit here in person, with their own user name and "
    "password. Name and reason are recorded.",
    "Bezoek": "Visit",
    "&Gebruikersnaam leidinggevende": "Team leader’s &user name",
    "Gebruikersnaam leidinggevende": "Team leader’s user name",
    "&Wachtwoord leidinggevende": "Team leader’s &password",
    "Wachtwoord leidinggevende": "Team leader’s password",
    "&Reden van de toestemming": "&Reason for consent",
    "Reden van de toestemming": "Reason for consent",
    "Waarom gaat het bezoek toch door, en onder welke voorwaarden?": "Why is the visit going "
    "ahead anyway, and on what conditions?",
    "&Annuleren": "&Cancel",
    "Toestemming geven": "Give consent",
    "Toestemming rood": "Consent for red",
    "&Verzoeken": "Re&quests",
    "Bezoeken die wachten op toestemming": "Visits awaiting consent",
    "Er wachten geen bezoeken op uw toestemming.": "No visits are awaiting your consent.",
    "Geen verzoeken": "No requests",
    "Verzoek in detail": "Request in detail",
    "&Reden voor uw toestemming (verplicht):": "&Reason for your consent (required):",
    "Waarom gaat dit bezoek toch door, en met welke maatregelen?": "Why is this visit going "
    "ahead anyway, and with which measures?",
    "Reden voor toestemming": "Reason for consent",
    "&Details…": "&Details…",
    "Details van het bezoek openen": "Open the visit details",
    "Toestemming geven voor dit bezoek": "Give consent for this visit",
    "Bij risiconiveau rood gaat een bezoek alleen door met uw vastgelegde toestemming. "
    "Overweeg eerst een gesprek op een veilige locatie (kantoor met alarmknop). Gaat het "
    "bezoek toch door: nooit alleen, liever met de politie, en informeer de politie "
    "vooraf.": "At risk level red a visit only goes ahead with your recorded consent. First "
    "consider a meeting at a safe location (an office with an alarm button). If the visit goes "
    "ahead anyway: never alone, preferably with the police, and inform the police beforehand.",
    "Er ging iets onverwachts mis. Probeer het opnieuw.": "Something unexpected went wrong. "
    "Please try again.",
    "Niet gelukt: {message}": "Failed: {message}",
    "niemand: de medewerker gaat alleen": "nobody: the employee goes alone",
    "Politie vooraf informeren: {number}.": "Inform the police beforehand: {number}.",
    "Kies een verzoek in de lijst.": "Choose a request from the list.",
    "Toestemming vastgelegd voor {address}. {visitor} kan het bezoek nu inplannen.": "Consent "
    "recorded for {address}. {visitor} can now schedule the visit.",
    "Risiconiveau:": "Risk level:",
    "Medewerker:": "Employee:",
    "Gaat mee:": "Going along:",
    "Buddy (belt terug):": "Buddy (calls back):",
    "Gepland:": "Scheduled:",
    "Reden bezoek:": "Reason for the visit:",
    "Bewoners:": "Residents:",
    "Waarom rood": "Why red",
    "Geen redenen vastgelegd.": "No reasons recorded.",
    "Afwijking van het advies": "Deviation from the advice",
    "Medewerker": "Employee",
    "Gepland": "Scheduled",
    "Gaat mee": "Going along",
    "niemand": "nobody",
    # ---- first run, login -----------------------------------------------------------
    "Voornaam: dit veld is verplicht.": "First name: this field is required.",
    "De wachtwoorden zijn niet gelijk.": "The passwords do not match.",
    "Bezig met aanmaken…": "Creating…",
    "&Database aanmaken": "&Create database",
    "Aanmaken mislukt door een onverwachte fout.": "Creating failed because of an unexpected "
    "error.",
    "Veilig Huisbezoek — eerste gebruik": "Veilig Huisbezoek — first use",
    "Welkom bij Veilig Huisbezoek": "Welcome to Veilig Huisbezoek",
    "Er is nog geen database. Maak het eerste account aan: u wordt beheerder en leidinggevende "
    "en kunt daarna collega's toevoegen. Het wachtwoord wordt nergens bewaard; vergeet het "
    "niet.": "There is no database yet. Create the first account: you become administrator "
    "and team leader and can then add colleagues. The password is not stored anywhere; do not "
    "forget it.",
    "&Gebruikersnaam": "&User name",
    "Gebruikersnaam": "User name",
    "Voornaam": "First name",
    "Achternaam": "Last name",
    "&Wachtwoord": "&Password",
    "Wachtwoord": "Password",
    "&Herhaal wachtwoord": "&Repeat password",
    "Herhaal wachtwoord": "Repeat password",
    "Minimaal 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.": "At "
    "least 10 characters. A sentence of a few words is strong and easy to remember.",
    "Database aanmaken": "Create database",
    "<b>Demo-database</b> (wordt bij afsluiten gewist). Accounts:": "<b>Demo database</b> "
    "(erased on exit). Accounts:",
    "Nog geen database in {folder}. Laat de beheerder er een aanmaken met 'veilig-huisbezoek "
    "admin init', of start met --demo.": "No database in {folder} yet. Ask the administrator to "
    "create one with 'veilig-huisbezoek admin init', or start with --demo.",
    "Bezig met inloggen…": "Logging in…",
    "&Inloggen": "&Log in",
    "Vul uw gebruikersnaam en wachtwoord in.": "Enter your user name and password.",
    "Inloggen mislukt door een onverwachte fout.": "Login failed because of an unexpected error.",
    "Vergrendeld. Log opnieuw in om verder te gaan; niets is verloren.": "Locked. Log in again "
    "to continue; nothing is lost.",
    "Veilig Huisbezoek — inloggen": "Veilig Huisbezoek — log in",
    "Veilig Huisbezoek": "Veilig Huisbezoek",
    "Log in met uw eigen naam en wachtwoord.": "Log in with your own name and password.",
    "Let op: Caps Lock staat aan.": "Note: Caps Lock is on.",
    "Waarschuwing Caps Lock": "Caps Lock warning",
    "Inloggen": "Log in",
    "&Taal / Language": "Lan&guage / Taal",
    "Taal": "Language",
    "Demo-accounts": "Demo accounts",
    "Herstellen uit reservekopie": "Restore from backup",
    "Herstellen uit reservekopie van {moment}": "Restore from the backup of {moment}",
    "Vul uw gebruikersnaam en wachtwoord in; daarmee wordt de reservekopie geopend.": "Enter "
    "your user name and password; they open the backup.",
    "De beschadigde database wordt niet gewist of overschreven: hij wordt verplaatst naar een "
    "map ‘beschadigd-…’ in {folder}. Daarna wordt de reservekopie van {moment} teruggezet. Wat "
    "na dat moment is vastgelegd, staat niet in de reservekopie.\n\nDoorgaan?": "The damaged "
    "database is not erased or overwritten: it is moved to a folder ‘beschadigd-…’ in "
    "{folder}. Then the backup of {moment} is restored. Anything recorded after that moment is "
    "not in the backup.\n\nContinue?",
    "&Ja, herstellen": "&Yes, restore",
    "&Nee": "&No",
    "Herstellen is niet gelukt: {reason}": "Restoring failed: {reason}",
    "Herstellen is niet gelukt door een onverwachte fout.": "Restoring failed because of an "
    "unexpected error.",
    # ---- history --------------------------------------------------------------------
    "Bezoekhistorie": "Visit history",
    "Welke bezoeken u ziet": "Which visits you see",
    "Filters": "Filters",
    "&Van": "&From",
    "Filter vanaf datum gebruiken": "Use the from-date filter",
    "Vanaf datum": "From date",
    "&Tot en met": "&To (inclusive)",
    "Filter tot en met datum gebruiken": "Use the to-date filter",
    "Tot en met datum": "To date (inclusive)",
    "&Medewerker:": "&Employee:",
    "Filter op medewerker (bezoeker)": "Filter by employee (visitor)",
    "&Niveau:": "&Level:",
    "Filter op risiconiveau": "Filter by risk level",
    "&Uitkomst:": "&Outcome:",
    "Filter op uitkomst": "Filter by outcome",
    "&Zoeken:": "&Search:",
    "adres, postcode of bewoners": "address, postcode or residents",
    "Zoeken op adres, postcode, huisnummer of bewoners": "Search by address, postcode, house "
    "number or residents",
    "Filters &wissen": "&Clear filters",
    "Alle filters wissen": "Clear all filters",
    "Aantal gevonden bezoeken": "Number of visits found",
    "Details van het gekozen bezoek openen": "Open the details of the selected visit",
    "De hele tijdlijn van het bezoek (ook met Enter of dubbelklikken)": "The whole timeline of "
    "the visit (also with Enter or a double-click)",
    "Bezoeken": "Visits",
    "Nieuwste bezoeken bovenaan. Druk op Enter voor de details van een bezoek.": "Newest visits "
    "at the top. Press Enter for the details of a visit.",
    "U ziet alle bezoeken van het team, de nieuwste bovenaan.": "You see all visits of the "
    "team, newest first.",
    "U ziet uw eigen bezoeken en de bezoeken waarbij u collega of buddy was, de nieuwste "
    "bovenaan.": "You see your own visits and the visits where you were a colleague or buddy, "
    "newest first.",
    "Een beheerder ziet geen bezoeken.": "An administrator sees no visits.",
    "Alle medewerkers": "All employees",
    "Alle niveaus": "All levels",
    "Alle uitkomsten": "All outcomes",
    "1 bezoek gevonden.": "1 visit found.",
    "{count} bezoeken gevonden.": "{count} visits found.",
    "De bezoeken konden niet worden geladen. Probeer het opnieuw.": "The visits could not be "
    "loaded. Please try again.",
    "Begin": "Start",
    "Uitkomst": "Outcome",
    "Politie / 112": "Police / 112",
    "Incident": "Incident",
    "Eerder teruggebeld": "Called back sooner",
    "Nog niet afgerond": "Not finished yet",
    "Risiconiveau {level}": "Risk level {level}",
    "GROEN": "GREEN",
    "ORANJE": "ORANGE",
    "ROOD": "RED",
    "NOG NIET BEPAALD": "NOT YET DETERMINED",
    "Risiconiveau: nog niet bepaald": "Risk level: not yet determined",
    "Risiconiveau: {level}": "Risk level: {level}",
    # ---- my visits ----------------------------------------------------------------------
    "Mijn bezoeken": "My visits",
    "Uw bezoeken die nog niet zijn afgerond. Kies een bezoek en gebruik de knoppen eronder: "
    "vertrekken, en na afloop ‘Terug, veilig’ of ‘Terug, er was een incident’.": "Your visits "
    "that are not finished yet. Choose a visit and use the buttons below it: depart, and "
    "afterwards ‘Back, safe’ or ‘Back, there was an incident’.",
    "&Open bezoeken": "&Open visits",
    "Open bezoeken": "Open visits",
    "U heeft geen open bezoeken. Een nieuw bezoek bereidt u voor onder ‘Bezoek "
    "voorbereiden’.": "You have no open visits. You prepare a new visit under ‘Prepare visit’.",
    "Gekozen bezoek": "Selected visit",
    "&Plannen": "&Schedule",
    "Gekozen concept plannen": "Schedule the selected draft",
    "Ve&rtrekken": "De&part",
    "Vertrekken naar het gekozen bezoek": "Depart for the selected visit",
    "Terug, v&eilig": "Back, s&afe",
    "Terug, veilig": "Back, safe",
    "Terug, er was een &incident": "Back, there was an &incident",
    "Terug, er was een incident": "Back, there was an incident",
    "&Details": "&Details",
    "Details van het gekozen bezoek": "Details of the selected visit",
    "Na een incident": "After an incident",
    "Er was een incident": "There was an incident",
    "Start": "Start",
    "Buddy": "Buddy",
    "Volgend terugbelmoment": "Next call-back",
    "groen": "green",
    "oranje": "orange",
    "rood": "red",
    "Concept — wacht op toestemming leidinggevende": "Draft — awaiting the team leader’s consent",
    "Concept — toestemming van {name}": "Draft — consent from {name}",
    "Concept": "Draft",
    "Afgesloten": "Closed",
    "geen": "none",
    "{address} — {level} — {state}": "{address} — {level} — {state}",
    "Bezoek gepland: {address}. Vertrek met ‘Vertrekken’.": "Visit scheduled: {address}. Leave "
    "with ‘Depart’.",
    " Uw buddy {buddy} belt u om {time}.": " Your buddy {buddy} will call you at {time}.",
    "U bent onderweg naar {address}.": "You are on your way to {address}.",
    " Terug? Kies dan ‘Terug, veilig’.": " Back? Then choose ‘Back, safe’.",
    "Het bezoek aan {address} beëindigen met ‘er was een incident’?": "End the visit to "
    "{address} with ‘there was an incident’?",
    "&Ja, er was een incident": "&Yes, there was an incident",
    "Bent u veilig terug van het bezoek aan {address}?": "Are you safely back from the visit to "
    "{address}?",
    "&Ja, ik ben veilig terug": "&Yes, I am safely back",
    "Bezoek beëindigen": "End visit",
    "&Nee, nog niet": "&No, not yet",
    "Het bezoek is beëindigd: terug, er was een incident.": "The visit has ended: back, there "
    "was an incident.",
    "Welkom terug. Het bezoek is beëindigd: terug, veilig.": "Welcome back. The visit has "
    "ended: back, safe.",
    "Zorg eerst voor uw eigen veiligheid. Is er direct gevaar, bel dan {emergency}; ga na "
    "letsel naar een arts.\nInformeer nu uw leidinggevende over wat er is gebeurd.\nHet "
    "incidentformulier volgt: u legt het incident daarin later vast (wie, wat, waar, wanneer "
    "en hoe).": "First take care of your own safety. In immediate danger, call {emergency}; "
    "see a doctor if you are injured.\nInform your team leader now about what happened.\nThe "
    "incident form follows: you will record the incident there later (who, what, where, when "
    "and how).",
    # ---- prepare a visit --------------------------------------------------------------
    "Bezoek voorbereiden": "Prepare visit",
    "Stappen": "Steps",
    "1 Adres": "1 Address",
    "2 Risicocheck": "2 Risk check",
    "3 Advies": "3 Advice",
    "4 Plan": "4 Plan",
    "5 Controle": "5 Review",
    "Adres van dit bezoek": "Address of this visit",
    "Waarschuwing onveilig adres": "Unsafe address warning",
    "⚠ Waarschuwing: dit adres staat in het register onveilige adressen": "⚠ Warning: this "
    "address is in the unsafe-address register",
    "Inhoud van de waarschuwing": "Content of the warning",
    "Huidige stap": "Current step",
    "Stap 1 van 5 — Waar gaat u naartoe?": "Step 1 of 5 — Where are you going?",
    "Vul het adres in. Zodra postcode en huisnummer zijn ingevuld, kijkt de app in het "
    "register onveilige adressen.": "Enter the address. As soon as the postcode and house "
    "number are filled in, the app checks the unsafe-address register.",
    "&Straat": "&Street",
    "Straat": "Street",
    "Fout bij straat": "Error in street",
    "&Huisnummer": "House n&umber",
    "Huisnummer": "House number",
    "&Toevoeging": "A&ddition",
    "Toevoeging bij het huisnummer": "House number addition",
    "bijv. A of 2": "e.g. A or 2",
    "Fout bij huisnummer": "Error in house number",
    "&Postcode": "&Postcode",
    "Postcode": "Postcode",
    "1234 AB": "1234 AB",
    "Fout bij postcode": "Error in postcode",
    "Pl&aats": "&City",
    "Plaats": "City",
    "Fout bij plaats": "Error in city",
    "Uitkomst registercontrole": "Result of the register check",
    "Stap 2 van 5 — Risicocheck (ARIH)": "Step 2 of 5 — Risk check (ARIH)",
    "Beantwoord elke vraag met ja, nee of weet ik niet. Met Tab gaat u naar de volgende vraag, "
    "met de pijltjestoetsen kiest u het antwoord.": "Answer every question with yes, no or "
    "don’t know. Tab takes you to the next question; the arrow keys choose the answer.",
    "Vragen van de risicocheck": "Risk check questions",
    "Uitkomst van de risicocheck": "Result of the risk check",
    "Advies": "Advice",
    "Toelichting bij het advies": "Explanation of the advice",
    "Waarom dit niveau": "Why this level",
    "Nog niet beantwoord": "Not answered yet",
    "Stap 3 van 5 — Advies": "Step 3 of 5 — Advice",
    "Voorzorgsmaatregelen": "Precautions",
    "Wie gaat er mee?": "Who is going with you?",
    "Vink de collega's aan die met u meegaan (met de spatiebalk). Laat alles leeg als u alleen "
    "gaat.": "Tick the colleagues who go with you (with the space bar). Leave everything empty "
    "if you go alone.",
    "&Collega's die meegaan": "&Colleagues going along",
    "Collega's die meegaan": "Colleagues going along",
    "Fout bij collega's": "Error in colleagues",
    "Rollen en &taakverdeling": "Roles and &tasks",
    "Rollen en taakverdeling": "Roles and tasks",
    "bijv. Sanne voert het gesprek, Ahmed observeert": "e.g. Sanne leads the conversation, Ahmed "
    "observes",
    "Fout bij rollen": "Error in roles",
    "Afwijken van het advies": "Deviating from the advice",
    "R&eden om af te wijken van het advies (verplicht)": "R&eason for deviating from the advice "
    "(required)",
    "Reden om af te wijken van het advies": "Reason for deviating from the advice",
    "Fout bij reden om af te wijken": "Error in reason for deviating",
    "Stand van de toestemming": "Consent status",
    "&Leidinggevende tekent nu…": "Team &leader signs now…",
    "Leidinggevende tekent nu": "Team leader signs now",
    "Toestemming later &aanvragen": "Request consent l&ater",
    "Toestemming later aanvragen": "Request consent later",
    "Tekent uw leidinggevende nu, dan wordt de toestemming met naam en reden bij het opslaan "
    "vastgelegd. Vraagt u later toestemming, dan slaat u het bezoek in stap 5 op als concept; "
    "uw leidinggevende geeft toestemming vanuit het eigen scherm en daarna plant u het bezoek "
    "in Mijn bezoeken.": "If your team leader signs now, the consent is recorded with name and "
    "reason when you save. If you ask for consent later, you save the visit as a draft in step "
    "5; your team leader gives consent from their own screen and then you schedule the visit in "
    "My visits.",
    "Stap 4 van 5 — Plan": "Step 4 of 5 — Plan",
    "Tijden zijn Nederlandse tijd. Uw buddy blijft op kantoor en belt u op de "
    "terugbelmomenten.": "Times are Dutch time. Your buddy stays at the office and calls you at "
    "the call-back times.",
    "Re&den van het bezoek": "&Reason for the visit",
    "Reden van het bezoek": "Reason for the visit",
    "Fout bij reden": "Error in reason",
    "&Belangrijkste bewoners": "Main re&sidents",
    "Belangrijkste bewoners": "Main residents",
    "Fout bij bewoners": "Error in residents",
    "&Cliënt(en)": "&Client(s)",
    "Cliënt of cliënten": "Client or clients",
    "Fout bij cliënten": "Error in clients",
    "Telefoon c&liënt": "Client p&hone",
    "Telefoonnummer cliënt": "Client’s phone number",
    "bijv. 06 12345678 (mag leeg)": "e.g. 06 12345678 (may be left empty)",
    "Fout bij telefoonnummer": "Error in phone number",
    "T&olk gaat mee": "&Interpreter comes along",
    "Tolk gaat mee": "Interpreter comes along",
    "Bezoek is schriftelijk &aangekondigd": "Visit &announced in writing",
    "Bezoek is schriftelijk aangekondigd": "Visit announced in writing",
    "Geplande &start": "&Planned start",
    "Geplande start (datum en tijd)": "Planned start (date and time)",
    "Welk uur bij de start: de klok gaat die nacht terug": "Which hour for the start: the clocks "
    "go back that night",
    "Dit uur komt twee keer voor:": "This hour occurs twice:",
    "eerste keer (zomertijd)": "first time (summer time)",
    "Start: eerste keer, zomertijd": "Start: first time, summer time",
    "tweede keer (wintertijd)": "second time (winter time)",
    "Start: tweede keer, wintertijd": "Start: second time, winter time",
    "Fout bij geplande start": "Error in planned start",
    "Verwachte terug&komst": "&Expected return",
    "Verwachte terugkomst (datum en tijd)": "Expected return (date and time)",
    "Welk uur bij de terugkomst: de klok gaat die nacht terug": "Which hour for the return: the "
    "clocks go back that night",
    "Terugkomst: eerste keer, zomertijd": "Return: first time, summer time",
    "Terugkomst: tweede keer, wintertijd": "Return: second time, winter time",
    "Fout bij verwachte terugkomst": "Error in expected return",
    "Budd&y (blijft op kantoor)": "Budd&y (stays at the office)",
    "Buddy die u terugbelt": "Buddy who calls you back",
    "Fout bij buddy": "Error in buddy",
    "Terugbel&momenten": "Call-back ti&mes",
    "Terugbelmomenten": "Call-back times",
    "&Tijd van het moment": "&Time of the call-back",
    "Tijd van het terugbelmoment": "Time of the call-back",
    "Moment to&evoegen": "A&dd time",
    "Terugbelmoment toevoegen": "Add a call-back time",
    "Aan&passen": "&Update",
    "Gekozen terugbelmoment aanpassen": "Change the selected call-back time",
    "Verw&ijderen": "Remo&ve",
    "Gekozen terugbelmoment verwijderen": "Remove the selected call-back time",
    "Standaard &herstellen": "Restore defau&lts",
    "Standaard terugbelmomenten herstellen": "Restore the default call-back times",
    "Toelichting terugbelmomenten": "About the call-back times",
    "Fout bij terugbelmomenten": "Error in call-back times",
    "Stap 5 van 5 — Controleer en sla op": "Step 5 of 5 — Check and save",
    "Samenvatting van het bezoek": "Summary of the visit",
    "Fout bij opslaan": "Error when saving",
    "Formulier &wissen": "Clear &form",
    "Formulier wissen en opnieuw beginnen": "Clear the form and start again",
    "‹ Vo&rige": "‹ &Back",
    "Vorige stap": "Previous step",
    "Volge&nde ›": "&Next ›",
    "Volgende stap": "Next step",
    "Opslaan als &concept (toestemming later)": "Save as &draft (consent later)",
    "Opslaan als concept, toestemming later": "Save as draft, consent later",
    "&Opslaan en plannen": "&Save and schedule",
    "Opslaan en plannen": "Save and schedule",
    "Risicocheck": "Risk check",
    "Plan": "Plan",
    "Controle": "Review",
    "— kies de reden —": "— choose the reason —",
    "Dienstverlening": "Service provision",
    "Preventief huisbezoek": "Preventive home visit",
    "Handhaving bij gegrond vermoeden": "Enforcement on reasonable suspicion",
    "De risicocheck kan niet worden geladen: {error}": "The risk check cannot be loaded: {error}",
    "— kies uw buddy —": "— choose your buddy —",
    "Nog niet compleet: zie de melding bij het veld.": "Not complete yet: see the message at the "
    "field.",
    "Stap {n}: {name}, huidige stap": "Step {n}: {name}, current step",
    "Stap {n}: {name}": "Step {n}: {name}",
    "Stap {n} van {total}: {name}": "Step {n} of {total}: {name}",
    "Volge&nde: {name} ›": "&Next: {name} ›",
    "Volgende stap: {name}": "Next step: {name}",
    "⚠ Het register onveilige adressen kon niet worden geraadpleegd ({error}). Beantwoord de "
    "registervraag in de risicocheck zelf.": "⚠ The unsafe-address register could not be "
    "consulted ({error}). Answer the register question in the risk check yourself.",
    "Het register kon niet worden geraadpleegd: beantwoord deze vraag zelf.": "The register "
    "could not be consulted: answer this question yourself.",
    "Wordt automatisch ingevuld zodra het adres bekend is.": "Filled in automatically once the "
    "address is known.",
    "⚠ Dit adres staat in het register onveilige adressen: zie boven.": "⚠ This address is in "
    "the unsafe-address register: see above.",
    "⚠ Automatisch ja: er is een actieve notitie in het register (zie de waarschuwing).": "⚠ "
    "Automatically yes: there is an active note in the register (see the warning).",
    "✔ Geen waarschuwing in het register onveilige adressen voor {key}.": "✔ No warning in the "
    "unsafe-address register for {key}.",
    "Automatisch nee: geen actieve notitie in het register.": "Automatically no: no active note "
    "in the register.",
    "<b>{category}</b> — incident op {date} — {address}": "<b>{category}</b> — incident on "
    "{date} — {address}",
    "<b>Voorzorgsmaatregelen:</b> {text}": "<b>Precautions:</b> {text}",
    "<b>{category}</b> ({date})": "<b>{category}</b> ({date})",
    "<b>Waarom dit niveau:</b>": "<b>Why this level:</b>",
    "Nog {n} van {total} vragen zonder antwoord; die tellen nu als ‘weet ik niet’.": "{n} of "
    "{total} questions still unanswered; for now they count as ‘don’t know’.",
    "✔ Alle vragen zijn beantwoord.": "✔ All questions have been answered.",
    "Beantwoord eerst alle vragen ({n} open). Weet u het niet, kies dan ‘weet ik niet’.": "First "
    "answer all questions ({n} open). If you do not know, choose ‘don’t know’.",
    "<b>Voorzorgsmaatregelen</b>": "<b>Precautions</b>",
    "<b>Waarom dit niveau</b>": "<b>Why this level</b>",
    "Het advies bij {level} is om niet alleen te gaan. Gaat u toch alleen, leg dan vast waarom. "
    "Uw leidinggevende kan dit teruglezen.": "The advice at {level} is not to go alone. If you "
    "go alone anyway, record why. Your team leader can read this back.",
    "De toestemming van de leidinggevende is vervallen, omdat het adres of de risicocheck is "
    "gewijzigd. Laat uw leidinggevende opnieuw tekenen.": "The team leader’s consent has lapsed "
    "because the address or the risk check has changed. Ask your team leader to sign again.",
    "✔ Toestemming van <b>{name}</b>: {reason}": "✔ Consent from <b>{name}</b>: {reason}",
    "U vraagt later toestemming: in stap 5 slaat u het bezoek op als concept.": "You will ask "
    "for consent later: in step 5 you save the visit as a draft.",
    "⚠ Nog geen toestemming. Zonder vastgelegde toestemming van uw leidinggevende kan dit "
    "bezoek niet worden gepland.": "⚠ No consent yet. Without recorded consent from your team "
    "leader this visit cannot be scheduled.",
    "(adres nog niet ingevuld)": "(address not filled in yet)",
    "Bezoek van {visitor} aan {address}; risiconiveau rood.": "Visit by {visitor} to "
    "{address}; risk level red.",
    "Toestemming van {name} genoteerd; deze wordt vastgelegd bij het opslaan.": "Consent from "
    "{name} noted; it is recorded when you save.",
    "U heeft de momenten zelf aangepast; een andere start- of terugkomsttijd verandert ze niet "
    "meer. Kies ‘Standaard herstellen’ om ze opnieuw in te vullen.": "You have changed the times "
    "yourself; a different start or return time no longer changes them. Choose ‘Restore "
    "defaults’ to fill them in again.",
    "Standaard bij {level}: kort na aankomst, elk half uur daarna en bij de verwachte "
    "terugkomst.": "Default at {level}: shortly after arrival, every half hour after that and "
    "at the expected return.",
    "Standaard: kort na aankomst en bij de verwachte terugkomst.": "Default: shortly after "
    "arrival and at the expected return.",
    "ja": "yes",
    "nee": "no",
    "uzelf ({name})": "yourself ({name})",
    "geen nummer bekend": "no number known",
    "Reden": "Reason",
    "Geplande start": "Planned start",
    "Verwachte terugkomst": "Expected return",
    "Wie gaan er": "Who is going",
    "Rollen": "Roles",
    "Cliënt(en)": "Client(s)",
    "Telefoon cliënt": "Client phone",
    "Tolk": "Interpreter",
    "Schriftelijk aangekondigd": "Announced in writing",
    "Register": "Register",
    "(actieve notitie, zie waarschuwing)": "(active note, see warning)",
    "Reden afwijking advies": "Reason for deviating from the advice",
    "maandag": "Monday",
    "dinsdag": "Tuesday",
    "woensdag": "Wednesday",
    "donderdag": "Thursday",
    "vrijdag": "Friday",
    "zaterdag": "Saturday",
    "zondag": "Sunday",
    "Bezoek gepland: {address}, {when}. Vertrek via Mijn bezoeken met ‘Vertrekken’.": "Visit "
    "scheduled: {address}, {when}. Leave via My visits with ‘Depart’.",
    "Bezoek gepland.": "Visit scheduled.",
    "Bezoek als concept opgeslagen: {address}, {when}. Uw leidinggevende geeft toestemming "
    "vanuit het eigen scherm; daarna plant u het in Mijn bezoeken.": "Visit saved as a draft: "
    "{address}, {when}. Your team leader gives consent from their own screen; then you "
    "schedule it in My visits.",
    "Bezoek als concept opgeslagen.": "Visit saved as a draft.",
    "Formulier wissen": "Clear form",
    "Alles wat u voor dit bezoek heeft ingevuld wissen en opnieuw beginnen?": "Clear everything "
    "you have entered for this visit and start again?",
    "&Ja, wissen": "&Yes, clear",
    "&Nee, terug": "&No, go back",
    "Het formulier is gewist.": "The form has been cleared.",
    # ---- register -----------------------------------------------------------------------
    "Adresregister": "Address register",
    "Wat uw aandacht vraagt": "What needs your attention",
    "adres, postcode of huisnummer": "address, postcode or house number",
    "Zoeken op adres, postcode of huisnummer": "Search by address, postcode or house number",
    "&Status:": "S&tatus:",
    "Filter op status": "Filter by status",
    "&Categorie:": "&Category:",
    "Filter op categorie": "Filter by category",
    "&Nieuwe notitie…": "&New note…",
    "Nieuwe notitie voorstellen": "Propose a new note",
    "Leg een concreet incident op een adres vast. Een leidinggevende keurt de notitie "
    "goed.": "Record a specific incident at an address. A team leader approves the note.",
    "Notities in het register": "Notes in the register",
    "Te late herbeoordelingen staan bovenaan, daarna notities die wachten op goedkeuring. Druk "
    "op Enter om de notitie te lezen.": "Overdue reviews are at the top, then notes awaiting "
    "approval. Press Enter to read the note.",
    "Notitie in detail": "Note in detail",
    "&Goedkeuren": "&Approve",
    "Notitie goedkeuren": "Approve note",
    "De notitie wordt actief en waarschuwt bij het plannen van een bezoek op dit adres.": "The "
    "note becomes active and warns when a visit to this address is planned.",
    "&Afwijzen…": "&Reject…",
    "Notitie afwijzen": "Reject note",
    "Afwijzen met een reden; de notitie waarschuwt niet.": "Reject with a reason; the note does "
    "not warn.",
    "&Bewerken…": "&Edit…",
    "Notitie bewerken": "Edit note",
    "Adres, categorie, datum, omschrijving of voorzorgsmaatregelen corrigeren. De status blijft "
    "gelijk.": "Correct the address, category, date, description or precautions. The status "
    "stays the same.",
    "&Herbeoordeeld": "Re&viewed",
    "Notitie herbeoordeeld: nog steeds nodig": "Note reviewed: still needed",
    "De notitie is nog steeds nodig: de herbeoordelingsdatum schuift een termijn op.": "The note "
    "is still needed: the review date moves on by one term.",
    "&Intrekken…": "&Withdraw…",
    "Notitie intrekken": "Withdraw note",
    "Intrekken met een reden; de notitie waarschuwt daarna niet meer.": "Withdraw with a reason; "
    "after that the note no longer warns.",
    "Formulier notitie": "Note form",
    "Beschrijf feitelijk één concreet incident: wat er gebeurde, wanneer en door wie. Geen "
    "diagnoses of geruchten.": "Describe one specific incident factually: what happened, when "
    "and by whom. No diagnoses or rumours.",
    "S&traat": "St&reet",
    "H&uisnummer": "House n&umber",
    "bijvoorbeeld 12 of 12-A": "for example 12 or 12-A",
    "Huisnummer met toevoeging": "House number with addition",
    "P&laats": "C&ity",
    "Cat&egorie": "Categor&y",
    "Categorie van het incident": "Category of the incident",
    "&Datum incident": "Incident dat&e",
    "Datum van het incident": "Date of the incident",
    "&Omschrijving": "&Description",
    "Wat gebeurde er feitelijk? Minstens 20 tekens.": "What actually happened? At least 20 "
    "characters.",
    "Omschrijving van het incident": "Description of the incident",
    "&Voorzorgsmaatregelen": "Prec&autions",
    "Bijvoorbeeld: altijd met twee; politie vooraf informeren.": "For example: always in pairs; "
    "inform the police beforehand.",
    "Foutmelding formulier": "Form error message",
    "Annuleren, niets opslaan": "Cancel, save nothing",
    "Opsl&aan": "Sa&ve",
    "Notitie opslaan": "Save note",
    "Wat u gaat doen": "What you are about to do",
    "Om welke notitie het gaat": "Which note this is about",
    "&Reden (verplicht):": "&Reason (required):",
    "Foutmelding reden": "Reason error message",
    "Annuleren, niets wijzigen": "Cancel, change nothing",
    "&Bevestigen": "C&onfirm",
    "Alle statussen": "All statuses",
    "Herbeoordeling te laat": "Review overdue",
    "Voorgesteld (wacht op goedkeuring)": "Proposed (awaiting approval)",
    "Actief": "Active",
    "Afgewezen": "Rejected",
    "Ingetrokken": "Withdrawn",
    "Alle categorieën": "All categories",
    "Er ging iets onverwachts mis. Probeer het opnieuw of meld het de beheerder.": "Something "
    "unexpected went wrong. Try again or report it to the administrator.",
    "1 notitie getoond.": "1 note shown.",
    "{count} notities getoond.": "{count} notes shown.",
    "Herbeoordeling te laat: {count}.": "Review overdue: {count}.",
    "Wacht op goedkeuring: {count}.": "Awaiting approval: {count}.",
    "Er wacht niets op u.": "Nothing is waiting for you.",
    "U ziet alleen de notities die u zelf heeft voorgesteld.": "You only see the notes you "
    "proposed yourself.",
    "op {when}": "on {when}",
    "waarschuwt bij het plannen van een bezoek": "warns when a visit is planned",
    "waarschuwt niet meer (vervaldatum voorbij)": "no longer warns (expiry date passed)",
    "wacht op goedkeuring door een leidinggevende": "awaiting approval by a team leader",
    "Herbeoordeling te laat: de datum {date} is voorbij. Is de notitie nog nodig? Kies "
    "Herbeoordeeld of Intrekken.": "Review overdue: the date {date} has passed. Is the note "
    "still needed? Choose Reviewed or Withdraw.",
    "U heeft deze notitie zelf voorgesteld: een andere leidinggevende moet haar goedkeuren "
    "(vier-ogenprincipe).": "You proposed this note yourself: another team leader must approve "
    "it (four-eyes principle).",
    "Geen voorzorgsmaatregelen vastgelegd.": "No precautions recorded.",
    "Voorgesteld door": "Proposed by",
    "Afgewezen door": "Rejected by",
    "Goedgekeurd door": "Approved by",
    "(te laat)": "(overdue)",
    "Kies een notitie in de lijst om haar te lezen.": "Choose a note in the list to read it.",
    "Notitie goedgekeurd: {address}. Bij dit adres wordt nu gewaarschuwd.": "Note approved: "
    "{address}. Planning a visit to this address now shows a warning.",
    "Herbeoordeling vastgelegd voor {address}. Volgende herbeoordeling vóór {date}.": "Review "
    "recorded for {address}. Next review before {date}.",
    "&Afwijzen": "&Reject",
    "&Intrekken": "&Withdraw",
    "Notitie afgewezen: {address}.": "Note rejected: {address}.",
    "Notitie ingetrokken: {address}. Er wordt niet meer gewaarschuwd.": "Note withdrawn: "
    "{address}. It no longer warns.",
    "Notitie voorgesteld voor {address}. Een leidinggevende beoordeelt haar.": "Note proposed "
    "for {address}. A team leader will assess it.",
    "Notitie bijgewerkt: {address}.": "Note updated: {address}.",
    "Status:": "Status:",
    "Categorie:": "Category:",
    "Datum incident:": "Incident date:",
    "Wat is er gebeurd": "What happened",
    "Beheer": "Management",
    "Waarschuwt tot": "Warns until",
    "Ingetrokken op": "Withdrawn on",
    "Categorie": "Category",
    "Datum incident": "Incident date",
    "Herbeoordelen vóór": "Review before",
    "Auteur": "Author",
    "Verlopen": "Expired",
    "Voorgesteld": "Proposed",
    "{date} – te laat": "{date} – overdue",
    "Herbeoordeling te laat, was vóór {date}": "Review overdue, was due before {date}",
    "Voorgesteld, wacht op goedkeuring": "Proposed, awaiting approval",
    "Verlopen, waarschuwt niet meer": "Expired, no longer warns",
    # ---- visit detail -----------------------------------------------------------------
    "Tijd": "Time",
    "Gebeurtenis": "Event",
    "Wie": "Who",
    "Toelichting": "Details",
    "Bezoek aangemaakt": "Visit created",
    "Ingepland": "Scheduled",
    "Vertrokken": "Departed",
    "Gebeld": "Called",
    "Reden: {reason}": "Reason: {reason}",
    "Terugbelmoment": "Call-back",
    "Opnieuw bellen (niet bereikt)": "Call again (not reached)",
    "open": "open",
    "gedaan": "done",
    "vervallen": "lapsed",
    "niet beantwoord": "not answered",
    "Gebeld: niet bereikt": "Called: not reached",
    "Actie: {action}": "Action: {action}",
    "Gebeld: opgenomen": "Called: answered",
    "met voornaam (alles goed)": "with first name (all well)",
    "met ACHTERNAAM (foute boel)": "with LAST NAME (trouble)",
    "naam niet vastgelegd": "name not recorded",
    "Opgenomen {name}; vrijuit praten: {vrijuit}; politie gewenst: {politie}. Actie: "
    "{action}": "Answered {name}; can talk freely: {vrijuit}; police wanted: {politie}. "
    "Action: {action}",
    "Alarm bevestigd": "Alarm acknowledged",
    "Te laat terug": "Overdue return",
    "Escalatie naar leidinggevenden": "Escalation to team leaders",
    "Termijn": "Deadline",
    "{kind} (te laat)": "{kind} (late)",
    "Adres van het bezoek": "Address of the visit",
    "Risiconiveau en status": "Risk level and state",
    "Wie gaan er en wie belt terug": "Who is going and who calls back",
    "Tijden": "Times",
    "&Tijdlijn": "&Timeline",
    "Tijdlijn van het bezoek": "Timeline of the visit",
    "Alle gebeurtenissen, terugbelmomenten en gesprekken op volgorde van tijd.": "All events, "
    "call-backs and calls in order of time.",
    "&Risicobeoordeling en plan": "&Risk assessment and plan",
    "Risicobeoordeling, plan en toestemming": "Risk assessment, plan and consent",
    "Venster sluiten": "Close window",
    "Bezoek {address} — details": "Visit {address} — details",
    "Bezoek openen": "Open visit",
    "niemand (alleen)": "nobody (alone)",
    "(Nederlandse tijd)": "(Dutch time)",
    "weet ik niet": "don’t know",
    "Checklist versie {version}; uitkomst {level}.": "Checklist version {version}; result {level}.",
    "Geen risicobeoordeling vastgelegd.": "No risk assessment recorded.",
    "Toestemming van {name} op {when}: {reason}": "Consent from {name} on {when}: {reason}",
    "Nog geen toestemming van een leidinggevende.": "No consent from a team leader yet.",
    "Geen toestemming nodig bij {level}.": "No consent needed at {level}.",
    "Afwijking van het advies: {reason}": "Deviation from the advice: {reason}",
    "De vragen hieronder komen uit de huidige checklist (versie {current}); het bezoek is "
    "beoordeeld met versie {used}.": "The questions below come from the current checklist "
    "(version {current}); the visit was assessed with version {used}.",
    "Reden:": "Reason:",
    "Bezoeker:": "Visitor:",
    "Buddy:": "Buddy:",
    "Begin:": "Start:",
    "Verwacht terug:": "Expected back:",
    "Risicobeoordeling": "Risk assessment",
    "Waarom dit niveau:": "Why this level:",
    "Toestemming en afwijking": "Consent and deviation",
    "Alle antwoorden": "All answers",
    # ---- workspace ------------------------------------------------------------------------
    "Ingelogd als <b>{name}</b> ({roles})": "Logged in as <b>{name}</b> ({roles})",
    "Ingelogd als": "Logged in as",
    "&Vergrendelen": "Loc&k",
    "Vergrendelen": "Lock",
    "Scherm vergrendelen; niets gaat verloren": "Lock the screen; nothing is lost",
    "&Uitloggen": "Lo&g out",
    "Uitloggen": "Log out",
    "Onderdelen": "Sections",
    # ---- accounts and passwords (forms) --------------------------------------------------
    "Rollen: kies minstens één rol.": "Roles: choose at least one role.",
    "Opslaan mislukt door een onverwachte fout.": "Saving failed because of an unexpected error.",
    "Een nieuw account met een eerste wachtwoord. Geef het wachtwoord persoonlijk door; de "
    "persoon kiest daarna zelf een nieuw via Wachtwoord wijzigen.": "A new account with a first "
    "password. Hand the password over in person; the person then chooses a new one with Change "
    "password.",
    "&Telefoon (voor de buddy)": "P&hone (for the buddy)",
    "Telefoon (voor de buddy)": "Phone (for the buddy)",
    "Wachtwoord (eerste keer)": "Password (first time)",
    "&Medewerker": "&Employee",
    "Rol medewerker": "Employee role",
    "&Leidinggevende": "&Team leader",
    "Rol leidinggevende": "Team leader role",
    "&Beheerder": "&Administrator",
    "Rol beheerder": "Administrator role",
    "&Opslaan": "&Save",
    "Opslaan": "Save",
    "Naam": "Name",
    "Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een account of stelt u een "
    "nieuw wachtwoord in voor iemand anders, dan krijgt de database een nieuwe sleutel: een oude "
    "kopie van het sleutelbestand opent de huidige database daarna niet meer. Oudere back-ups "
    "blijven wel te openen met de wachtwoorden van toen, tot ze verwijderd zijn (de app bewaart "
    "de laatste 7 automatische back-ups).": "Everyone logs in with their own name and "
    "password. When you delete an account, or set a new password for someone else, the "
    "database gets a new key: an old copy of the key file no longer opens the current "
    "database. Older backups still open with the passwords of their time, until they are "
    "deleted (the app keeps the latest 7 automatic backups).",
    "Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een account of stelt u een "
    "nieuw wachtwoord in voor iemand anders, dan krijgt de database een nieuwe sleutel: een oude "
    "kopie van het sleutelbestand opent de huidige database daarna niet meer. Oudere back-ups "
    "blijven wel te openen met de wachtwoorden van toen, tot ze verwijderd zijn (de app bewaart "
    "de laatste {keep} automatische back-ups).": "Everyone logs in with their own name and "
    "password. When you delete an account, or set a new password for someone else, the "
    "database gets a new key: an old copy of the key file no longer opens the current "
    "database. Older backups still open with the passwords of their time, until they are "
    "deleted (the app keeps the latest {keep} automatic backups).",
    "Iedereen logt in met een eigen naam en wachtwoord. Een verwijderd account kan niet meer "
    "inloggen op de teamserver.": "Everyone logs in with their own name and password. A deleted "
    "account can no longer log in to the team server.",
    "Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een account of stelt u een "
    "nieuw wachtwoord in voor iemand anders, dan krijgt het team een nieuwe teamsleutel: wat "
    "daarna wordt vastgelegd, opent niet met de oude. Wat eerder is vastgelegd, versleutelt de "
    "beheerder van de server opnieuw ('admin reseal').": "Everyone logs in with their own "
    "name and password. When you delete an account, or set a new password for someone else, "
    "the team gets a new team key: what is recorded from then on does not open with the old "
    "one. What was recorded before is encrypted again by the server's administrator "
    "('admin reseal').",
    "Het team heeft een nieuwe teamsleutel; laat de beheerder van de server wat eerder is "
    "vastgelegd opnieuw versleutelen ('admin reseal').": "The team has a new team key; have "
    "the server's administrator encrypt what was recorded before again ('admin reseal').",
    "Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer inloggen; wat hij "
    "of zij vastlegde blijft bewaard. Het team krijgt een nieuwe teamsleutel, zodat de sleutel "
    "die deze persoon had wat daarna wordt vastgelegd niet opent.": "Delete account {user} "
    "({name})? This person will no longer be able to log in; what they recorded is kept. The "
    "team gets a new team key, so that the key this person had does not open what is "
    "recorded from then on.",
    "Toegang": "Access",
    "In orde": "OK",
    "Oude sleutel: nog niet ingelogd sinds de update": "Old key: not logged in since the update",
    "Nieuw wachtwoord nodig": "Needs a new password",
    "Deze accounts kunnen de database niet meer openen: die kreeg een nieuwe sleutel toen zij "
    "nog een sleutel van vóór de update hadden. Stel voor hen een nieuw wachtwoord in: "
    "{users}.": "These accounts can no longer open the database: it got a new key while they "
    "still had a key from before the update. Set a new password for them: {users}.",
    "De database krijgt een nieuwe sleutel zodra hij nergens anders meer open is (bij de "
    "volgende aanmelding).": "The database gets its new key as soon as it is no longer open "
    "anywhere else (at the next login).",
    "Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer inloggen; wat hij "
    "of zij vastlegde blijft bewaard. De database krijgt een nieuwe sleutel, zodat ook een oude "
    "kopie van het sleutelbestand hem niet meer opent.": "Delete account {user} ({name})? This "
    "person will no longer be able to log in; what they recorded is kept. The database gets a "
    "new key, so that an old copy of the key file no longer opens it either.",
    "Let op: {users} heeft nog een sleutel van vóór de update en kan de database daarna pas weer "
    "openen met een nieuw wachtwoord van u. Laat zo iemand eerst één keer inloggen, dan is dat "
    "niet nodig.": "Note: {users} still has a key from before the update and can then only "
    "open the database again with a new password from you. Let them log in once first, and "
    "that is not needed.",
    "Account {user} wordt verwijderd…": "Deleting account {user}…",
    "De database heeft een nieuwe sleutel.": "The database has a new key.",
    "Verwijderen mislukt door een onverwachte fout.": "Deleting failed because of an unexpected "
    "error.",
    "Nieuw wachtwoord instellen voor het gekozen account": "Set a new password for the chosen "
    "account",
    "Account &verwijderen…": "&Delete account…",
    "Gekozen account verwijderen": "Delete the chosen account",
    "Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer inloggen; wat hij "
    "of zij vastlegde blijft bewaard.": "Delete account {user} ({name})? This person will no "
    "longer be able to log in; what they recorded is kept.",
    "Wachtwoord wijzigen": "Change password",
    "Nieuw wachtwoord voor {user}": "New password for {user}",
    "Kies een wachtwoord van minstens 10 tekens dat niet te raden is, bijvoorbeeld een zin van "
    "een paar woorden. De database wordt niet opnieuw versleuteld.": "Choose a password of at "
    "least 10 characters that cannot be guessed, for example a sentence of a few words. The "
    "database is not re-encrypted.",
    "Een nieuw wachtwoord voor {user}, die het vergeten is of bij wie het is uitgelekt. Geef het "
    "persoonlijk door; het oude wachtwoord werkt daarna niet meer, en de database krijgt een "
    "nieuwe sleutel. Bij de volgende aanmelding ziet {user} wie het wachtwoord herstelde en "
    "wanneer.": "A new password for {user}, who has forgotten it or whose password has "
    "leaked. Hand it over in person; the old password stops working, and the database gets a "
    "new key. At the next login {user} sees who reset the password and when.",
    "De nieuwe wachtwoorden zijn niet gelijk.": "The new passwords do not match.",
    "Het nieuwe wachtwoord is ingesteld.": "The new password has been set.",
    "&Huidig wachtwoord": "&Current password",
    "Huidig wachtwoord": "Current password",
    "&Nieuw wachtwoord": "&New password",
    "&Herhaal nieuw wachtwoord": "&Repeat new password",
    "Herhaal nieuw wachtwoord": "Repeat new password",
    # ---- alarm panel (sentences in parts) -------------------------------------------------
    "Terugbelmoment: bel nu {who} — {where}.": "Call-back due: call {who} now — {where}.",
    "Gepland om {time}.": "Scheduled for {time}.",
    "Te laat terug: {who} is nog niet terug — {where}.": "Overdue return: {who} is not back "
    "yet — {where}.",
    "Alarm om {time}.": "Alarm at {time}.",
    "Escalatie: alarm niet bevestigd — bezoek van {who}, {where}.": "Escalation: alarm not "
    "acknowledged — visit by {who}, {where}.",
    "Sinds {time}.": "Since {time}.",
    "Termijn verloopt.": "Deadline expires.",
    "Om {time}.": "At {time}.",
    "TE LAAT (oorspronkelijk {time}) — {text}": "LATE (originally {time}) — {text}",
    # ---- incident dialog ------------------------------------------------------------------
    "Incident melden": "Report an incident",
    "Titel": "Title",
    "Bij welk bezoek": "For which visit",
    "Onderdelen incident": "Parts of the incident report",
    "1. Melding": "1. Report",
    "&Wanneer:": "&When:",
    "Wanneer (datum en tijd van het incident)": "When (date and time of the incident)",
    "&Kanaal:": "&Channel:",
    "Kanaal": "Channel",
    "&Soort gedrag:": "&Kind of behaviour:",
    "Soort gedrag (A tot en met E)": "Kind of behaviour (A to E)",
    "Regel bij deze soort gedrag": "Rule for this kind of behaviour",
    "W&ie:": "W&ho:",
    "Wie was erbij betrokken": "Who was involved",
    "rol of naam, bijvoorbeeld: bewoner, zoon van de cliënt": "role or name, for example: "
    "resident, the client’s son",
    "W&at:": "Wh&at:",
    "feitelijk: wat werd er gezegd en gedaan": "factually: what was said and done",
    "Waa&r:": "Whe&re:",
    "Waar gebeurde het": "Where did it happen",
    "Waarm&ee:": "Wi&th what:",
    "Waarmee (voorwerpen, wapens)": "With what (objects, weapons)",
    "bijvoorbeeld: geen, mes, hond": "for example: none, knife, dog",
    "&Op welke wijze:": "&In what way:",
    "Op welke wijze": "In what way",
    "Waar&om:": "Wh&y:",
    "Waarom (aanleiding)": "Why (cause)",
    "&Letsel:": "In&jury:",
    "Letsel": "Injury",
    "Toelichting le&tsel:": "Injury &details:",
    "Toelichting letsel": "Injury details",
    "&Getuigen:": "Wit&nesses:",
    "Getuigen": "Witnesses",
    "&Politie was erbij betrokken": "&Police were involved",
    "Politie was erbij betrokken": "Police were involved",
    "Melding &indienen": "&Submit report",
    "Melding indienen": "Submit report",
    "2. Direct gedaan": "2. Done right away",
    "Vink aan wat gedaan is; de tijd wordt vastgelegd. Veiligheid gaat voor alles.": "Tick "
    "what has been done; the time is recorded. Safety comes first.",
    "Directe stappen": "Immediate steps",
    "Stand van de stappen": "Progress of the steps",
    "3. Melding/aangifte": "3. Police report",
    "Termijn melding of aangifte": "Deadline for the police report",
    "&Soort:": "&Kind:",
    "Soort melding": "Kind of report",
    "Gemeld &door:": "Reported &by:",
    "Gemeld door": "Reported by",
    "Gemeld &op:": "Reported o&n:",
    "Gemeld op (datum en tijd)": "Reported on (date and time)",
    "&Registratienummer politie:": "Police &registration number:",
    "Registratienummer politie": "Police registration number",
    "&Adres gemeente:": "Municipality’s &address:",
    "Adres gemeente gebruikt bij de aangifte": "Municipality’s address used for the police report",
    "Meldcode &VPT genoemd (uitoefening publieke taak)": "Code &VPT mentioned (performance of "
    "a public task)",
    "Meldcode VPT genoemd (uitoefening publieke taak)": "Code VPT mentioned (performance of a "
    "public task)",
    "Reden &geen aangifte:": "Reason for no re&port:",
    "Reden geen melding of aangifte": "Reason for no police report",
    "Aandachtspunten aangifte": "Points to note for the police report",
    "Aangifte &vastleggen": "Rec&ord the police report",
    "Aangifte vastleggen": "Record the police report",
    "4. Nazorg": "4. Aftercare",
    "Drie gesprekken met de medewerker: binnen 24–72 uur, na ongeveer 5 dagen en na 4–6 "
    "weken. De leidinggevende legt vast of het gesprek is gehouden of afgeslagen.": "Three "
    "conversations with the employee: within 24–72 hours, after about 5 days and after 4–6 "
    "weeks. The team leader records whether each conversation was held or declined.",
    "5. Bewijs": "5. Evidence",
    "Bewaar schermafbeeldingen en bestanden als bewijs, met datum en tijd van het bericht. Ze "
    "worden versleuteld in de database opgeslagen (hoogstens 10 MB per bestand).": "Keep "
    "screenshots and files as evidence, with the date and time of the message. They are stored "
    "encrypted in the database (at most 10 MB per file).",
    "Bijlagen": "Attachments",
    "Datum en tijd van het &bericht:": "Date and time of the &message:",
    "Datum en tijd van het bericht of de schermafbeelding": "Date and time of the message or "
    "the screenshot",
    "Bestand &toevoegen…": "&Add file…",
    "Bestand toevoegen": "Add file",
    "Bestand op&slaan als…": "&Save file as…",
    "Bestand opslaan als": "Save file as",
    "Bestand &verwijderen": "&Delete file",
    "Bestand verwijderen": "Delete file",
    "6. Adresregister": "6. Address register",
    "Een voorstel voor het adresregister, ingevuld vanuit de melding. Het waarschuwt collega's "
    "pas na goedkeuring door een leidinggevende. Beschrijf feitelijk; geen namen of "
    "diagnoses.": "A proposal for the address register, filled in from the report. It warns "
    "colleagues only once a team leader has approved it. Describe factually; no names or "
    "diagnoses.",
    "Str&aat:": "&Street:",
    "&Huisnummer:": "House n&umber:",
    "&Postcode:": "&Postcode:",
    "Pl&aats:": "Ci&ty:",
    "Categorie adresnotitie": "Address note category",
    "&Datum incident:": "Incident dat&e:",
    "&Omschrijving:": "&Description:",
    "Omschrijving adresnotitie": "Address note description",
    "&Voorzorgsmaatregelen:": "Prec&autions:",
    "Status adresnotitie": "Address note status",
    "Notitie &voorstellen": "Pr&opose note",
    "Notitie voorstellen": "Propose note",
    "Formulier als &PDF…": "Form as PD&F…",
    "Formulier als PDF opslaan": "Save the form as PDF",
    "S&luiten": "C&lose",
    "Incidentformulier": "Incident form",
    "— kies het kanaal —": "— choose the channel —",
    "— kies A tot en met E —": "— choose A to E —",
    "Planning gesprek": "Conversation schedule",
    "Uitkomst {talk}": "Outcome — {talk}",
    "— nog niet —": "— not yet —",
    "Datum gesprek": "Date of the conversation",
    "Toelichting gesprek": "Notes on the conversation",
    "korte toelichting (optioneel)": "short note (optional)",
    "Gesprek vastleggen": "Record the conversation",
    "Los van een bezoek (balie, telefoon, post, online).": "Not linked to a visit (front desk, "
    "phone, post, online).",
    "Na het huisbezoek aan {address}.": "After the home visit to {address}.",
    "Kies de soort gedrag; de regel van de organisatie verschijnt hier.": "Choose the kind of "
    "behaviour; the organisation’s rule appears here.",
    "Regel: {rule}\nStandpunt organisatie: {position}": "Rule: {rule}\nOrganisation’s "
    "position: {position}",
    "Bij bedreiging en fysiek geweld wordt altijd aangifte gedaan, tenzij de omstandigheden "
    "anders vragen.": "Threats and physical violence are always reported to the police "
    "(aangifte), unless the circumstances require otherwise.",
    "Eerst de melding indienen (tabblad 1).": "Submit the report first (tab 1).",
    "Wijzigingen &opslaan": "Sa&ve changes",
    "Alleen een leidinggevende legt dit vast.": "Only a team leader records this.",
    "Melding ingediend ({reference}). Leg nu de directe stappen en de melding of aangifte "
    "vast.": "Report submitted ({reference}). Now record the immediate steps and the police "
    "report.",
    "Wijzigingen opgeslagen.": "Changes saved.",
    "Incident {reference}": "Incident {reference}",
    "Na het huisbezoek aan {address}. Medewerker: {name}.": "After the home visit to "
    "{address}. Employee: {name}.",
    " — gedaan {time}": " — done {time}",
    " (niet nodig bij dit incident)": " (not needed for this incident)",
    "Nog te doen: {steps}.": "Still to do: {steps}.",
    "Alle nodige stappen zijn vastgelegd.": "All necessary steps have been recorded.",
    "{kind} vastgelegd (termijn was {due}).": "{kind} recorded (the deadline was {due}).",
    "Melding of aangifte vóór {due} (nog {hours} uur). Aangifte gebeurt op het adres van de "
    "gemeente, met de meldcode VPT.": "Police report before {due} ({hours} hours left). The "
    "report is made with the municipality’s address and the code VPT.",
    "De termijn van 24 uur is verstreken ({due}). Leg de melding nu vast.": "The 24-hour "
    "deadline has passed ({due}). Record the report now.",
    "Melding of aangifte vastgelegd.": "Police report recorded.",
    "{purpose}\nStreven: {aim}; uiterlijk {latest}.": "{purpose}\nAim: {aim}; at the latest "
    "{latest}.",
    "{outcome} op {day}.": "{outcome} on {day}.",
    "Nazorggesprek vastgelegd.": "Aftercare conversation recorded.",
    "{name} — {moment} — {size}": "{name} — {moment} — {size}",
    "Bewijsstuk kiezen": "Choose a piece of evidence",
    "Bijlage versleuteld opgeslagen.": "Attachment stored encrypted.",
    "Bijlage opslaan als": "Save attachment as",
    "Bijlage verwijderd.": "Attachment deleted.",
    "Nog geen notitie voorgesteld.": "No note proposed yet.",
    "De notitie is inmiddels verwijderd.": "The note has since been deleted.",
    "Notitie voorgesteld; status: {status}.": "Note proposed; status: {status}.",
    "Notitie voorgesteld: een leidinggevende keurt haar goed voordat zij collega's "
    "waarschuwt.": "Note proposed: a team leader approves it before it warns colleagues.",
    "Incidentformulier opslaan als": "Save the incident form as",
    "PDF-bestanden (*.pdf)": "PDF files (*.pdf)",
    "Aankondigingsbrief opslaan als": "Save the announcement letter as",
    "Agenda-item opslaan als": "Save the agenda item as",
    "Agenda-items (*.ics)": "Agenda items (*.ics)",
    "Het bestand kon niet worden opgeslagen.": "The file could not be saved.",
    "Opgeslagen: {name}": "Saved: {name}",
    # ---- domain: enum labels, call actions, board statuses (context "domain") -------------
    "Groen": "Green",
    "Oranje": "Orange",
    "Rood": "Red",
    "Situatiefactor": "Situational factor",
    "Ernstige factor": "Serious factor",
    "Escalatie": "Escalation",
    "Beheerder": "Administrator",
    "op schema": "on schedule",
    "nu bellen": "call now",
    "te laat": "overdue",
    "alarm": "alarm",
    # Incidents: kinds of aggressive behaviour (A–E), with the rule and the position.
    "A — Ik (zichzelf): emotie": "A — I (the person themselves): emotion",
    "Gericht op zichzelf en de eigen situatie, vaak in de ik-vorm: zeuren, klagen, excuses "
    "verzinnen, begrip vragen, om een uitzondering vragen.": "Directed at themselves and their "
    "own situation, often in the first person: nagging, complaining, making excuses, asking for "
    "understanding, asking for an exception.",
    "Ombuigen: meeveren, toelichten, argumenteren, afronden.": "Redirect: go along with it, "
    "explain, give reasons, wrap up.",
    "Burgers mogen kritiek hebben op beleid en regels, dat uiten en boos of geïrriteerd zijn.": (
        "Citizens may criticise policy and rules, say so, and be angry or irritated."
    ),
    "B — Jullie (organisatie): emotie": "B — ‘You people’ (the organisation): emotion",
    "Gericht op de organisatie, vaak met 'jullie': kritiek op regels en beleid, boosheid, ter "
    "verantwoording roepen, beschuldigen, machtsstrijd, obstructie.": "Directed at the "
    "organisation, often with ‘you people’: criticism of rules and policy, anger, calling to "
    "account, accusing, power struggles, obstruction.",
    "C — Jij (medewerker): (non-)verbale agressie": "C — You (the employee): (non-)verbal "
    "aggression",
    "Gericht op de medewerker, vaak met 'jij': (non-)verbaal dreigen, (seksuele) intimidatie, "
    "sarren, uitlokken, treiteren, schelden, belachelijk maken.": "Directed at the employee, "
    "often with ‘you’: (non-)verbal threats, (sexual) intimidation, needling, provoking, "
    "taunting, swearing, ridiculing.",
    "Ombuigen: kort negeren, gedrag benoemen, tot de orde roepen, voor de keuze stellen, zo "
    "nodig gepaste maatregelen.": "Redirect: briefly ignore it, name the behaviour, call to "
    "order, present a choice, take appropriate measures where needed.",
    "Burgers mogen niet persoonlijk worden tegen medewerkers.": "Citizens may not get personal "
    "with employees.",
    "D — Bedreiging, intimidatie of fysiek geweld": "D — Threats, intimidation or physical "
    "violence",
    "Dreigen met (de suggestie van) geweld, openlijke dreiging, aanhoudend A-B-C-gedrag; of "
    "fysiek: schoppen, slaan, spugen, beetpakken, trekken, vernielen, voorwerpen gooien.": (
        "Threatening (or suggesting) violence, open threats, persistent A-B-C behaviour; or "
        "physical: kicking, hitting, spitting, grabbing, pulling, damaging property, throwing "
        "objects."
    ),
    "Grenzen stellen: gedrag benoemen, norm aangeven, gesprek beëindigen; gepaste "
    "maatregelen: alarmeren, ingrijpen.": "Set limits: name the behaviour, state the norm, end "
    "the conversation; appropriate measures: raise the alarm, intervene.",
    "Burgers mogen medewerkers of panden niet bedreigen of intimideren. De veiligheid van "
    "medewerkers gaat boven alles: burgers mogen niet fysiek worden naar personen of zaken.": (
        "Citizens may not threaten or intimidate employees or buildings. The safety of "
        "employees comes first: citizens may not get physical with people or property."
    ),
    "E — Gericht op zichzelf: dreigen met zelfdoding": "E — Directed at themselves: threatening "
    "suicide",
    "Dreigen met zelfmoord of zichzelf iets aan te doen.": "Threatening suicide or self-harm.",
    "Hulp inschakelen: alarmeren via de politie, 0900-8844, of bij acute nood 112.": "Call in "
    "help: alert the police on 0900-8844, or 112 in an acute emergency.",
    "De veiligheid van de burger en de medewerker gaat voor: schakel altijd hulp in.": "The "
    "safety of the citizen and the employee comes first: always call in help.",
    # Incidents: channel, injury, steps, police report, aftercare.
    "Huisbezoek": "Home visit",
    "Balie of spreekkamer": "Front desk or consulting room",
    "Telefoon": "Phone",
    "E-mail": "Email",
    "Brief": "Letter",
    "Social media": "Social media",
    "Anders": "Other",
    "Geen letsel": "No injury",
    "Licht letsel": "Minor injury",
    "Ernstig letsel": "Serious injury",
    "In veiligheid: gesprek beëindigd en vertrokken": "Safe: conversation ended and left",
    "112 gebeld (direct gevaar of letsel)": "112 called (immediate danger or injury)",
    "Arts bezocht (altijd na letsel)": "Saw a doctor (always after an injury)",
    "Leidinggevende geïnformeerd": "Team leader informed",
    "Coördinator agressie en geweld geïnformeerd": "Aggression and violence coordinator informed",
    "Aangifte bij de politie": "Formal police report (aangifte)",
    "Melding bij de politie": "Notification to the police (melding)",
    "Geen melding of aangifte": "No melding or aangifte",
    "Eerste gesprek (binnen 24–72 uur)": "First conversation (within 24–72 hours)",
    "Stoom afblazen: de feiten, uitleg over stressreacties.": "Letting off steam: the facts, "
    "an explanation of stress reactions.",
    "Tweede gesprek (na ongeveer 5 dagen)": "Second conversation (after about 5 days)",
    "De emotionele kant en hoe de verwerking gaat.": "The emotional side and how the employee "
    "is coping.",
    "Derde gesprek (na 4–6 weken)": "Third conversation (after 4–6 weeks)",
    "Terugkijken: is de gebeurtenis goed verwerkt?": "Looking back: has the employee come to "
    "terms with what happened?",
    "Gesprek gehouden": "Conversation held",
    "Medewerker heeft het gesprek afgeslagen": "The employee declined the conversation",
    # Unsafe-address register: note categories.
    "Agressieve persoon": "Aggressive person",
    "Bedreiging": "Threat",
    "Geweld": "Violence",
    "Wapens": "Weapons",
    "Drugs of hennepkwekerij": "Drugs or cannabis farm",
    "Illegale stroom": "Illegally tapped electricity",
    "Gevaarlijk dier": "Dangerous animal",
    "Overig": "Other",
    # ---- domain: the ARIH checklist (resources/checklists/arih.json) ---------------------
    "ARIH — Agressie Risico Inschatting Huisbezoek": "ARIH — Aggression risk assessment for "
    "home visits",
    "Inspectie- of handhavingsbezoek (handhaving/controle)": "Inspection or enforcement visit "
    "(enforcement/check)",
    "Komt u controleren, een overtreding vaststellen of een maatregel aankondigen?": "Are you "
    "coming to check, to establish a violation or to announce a measure?",
    "Slecht nieuws brengen of de cliënt met fouten confronteren": "Bringing bad news or "
    "confronting the client with mistakes",
    "Bijvoorbeeld een afwijzing, terugvordering, korting of stopzetting.": "For example a "
    "refusal, a claim for repayment, a reduction or a stop of benefits.",
    "Onaangekondigd bezoek": "Unannounced visit",
    "De cliënt weet niet dat u komt.": "The client does not know you are coming.",
    "Veranderingen in het huishouden (baanverlies, uithuiszetting, scheiding, gezag of "
    "omgang)": "Changes in the household (job loss, eviction, divorce, custody or contact "
    "arrangements)",
    "Ingrijpende gebeurtenissen verhogen de spanning.": "Major life events raise the tension.",
    "Alcohol, drugs of een andere verslaving": "Alcohol, drugs or another addiction",
    "Bij de cliënt of bij anderen in huis.": "Of the client or of others in the home.",
    "Buiten kantoortijd of in het donker": "Outside office hours or after dark",
    "Minder collega's bereikbaar en minder zicht op de omgeving.": "Fewer colleagues within "
    "reach and less view of the surroundings.",
    "Risicovolle omgeving (afgelegen, bekend probleemgebied, geen telefoonbereik)": "Risky "
    "surroundings (remote, known problem area, no phone signal)",
    "Kunt u snel weg en kunt u bellen?": "Can you get away quickly and can you make a call?",
    "Andere bewoners of bezoekers die vijandig kunnen zijn": "Other residents or visitors who "
    "may be hostile",
    "Bijvoorbeeld huisgenoten, familie of vrienden van de cliënt.": "For example housemates, "
    "family or friends of the client.",
    "(Agressieve) dieren, zoals honden": "(Aggressive) animals, such as dogs",
    "Vraag zo nodig vooraf om het dier op te sluiten.": "If needed, ask in advance for the "
    "animal to be shut away.",
    "Recente agressie tegen professionals (bedreiging, geweld)": "Recent aggression towards "
    "professionals (threats, violence)",
    "Bij uw organisatie of bij andere instanties.": "At your organisation or at other agencies.",
    "Geschiedenis van ernstige geweldsdelicten": "History of serious violent offences",
    "Voor zover bekend uit het dossier of van ketenpartners.": "As far as known from the case "
    "file or from partner organisations.",
    "Wapens (mogelijk) aanwezig": "Weapons (possibly) present",
    "Ook als er alleen een aanwijzing is.": "Even if there is only an indication.",
    "Georganiseerde misdaad of criminele activiteit (hennepkwekerij, illegale stroom) op of "
    "rond het adres": "Organised crime or criminal activity (cannabis farm, illegally tapped "
    "electricity) at or around the address",
    "Bijvoorbeeld signalen van een kwekerij of illegaal afgetapte stroom.": "For example signs "
    "of a cannabis farm or of illegally tapped electricity.",
    "Bekende psychiatrische aandoening of middelengebruik dat de kans op agressie "
    "verhoogt": "Known psychiatric condition or substance use that increases the risk of "
    "aggression",
    "Alleen als dit bekend is uit het dossier; stel zelf geen diagnose.": "Only if this is "
    "known from the case file; do not make a diagnosis yourself.",
    "Actieve notitie in het register onveilige adressen": "Active note in the unsafe-address "
    "register",
    "Wordt automatisch ingevuld op basis van het register; de notitie wordt getoond.": "Filled "
    "in automatically from the register; the note is shown.",
    "Groen: u mag alleen gaan": "Green: you may go alone",
    "U mag alleen op huisbezoek gaan. Volg het standaardprotocol.": "You may make the home "
    "visit alone. Follow the standard protocol.",
    "Kondig het bezoek schriftelijk aan.": "Announce the visit in writing.",
    "Houd uw agenda actueel: adres, tijd en verwachte terugkomst.": "Keep your calendar up to "
    "date: address, time and expected return.",
    "Spreek een buddy en de terugbelmomenten af.": "Arrange a buddy and the call-back times.",
    "Oranje: ga met z'n tweeën": "Orange: go as a pair",
    "Ga niet alleen: ga met z'n tweeën en spreek vooraf de rollen af.": "Do not go alone: go "
    "as a pair and agree on the roles beforehand.",
    "Ga met z'n tweeën en verdeel vooraf de rollen.": "Go as a pair and divide the roles "
    "beforehand.",
    "Laat u direct na aankomst terugbellen en spreek een korter belinterval af.": "Have your "
    "buddy call you right after you arrive and agree on a shorter call interval.",
    "Bespreek het bezoek vooraf met uw leidinggevende.": "Discuss the visit with your team "
    "leader beforehand.",
    "Overweeg de cliënt uit te nodigen op een veilige locatie in plaats van een "
    "huisbezoek.": "Consider inviting the client to a safe location instead of making a home "
    "visit.",
    "Rood: niet alleen en niet zonder toestemming": "Red: not alone and not without consent",
    "Ga niet alleen en ga niet zonder toestemming van uw leidinggevende. De toestemming wordt "
    "met naam en reden vastgelegd in de app.": "Do not go alone and do not go without consent "
    "from your team leader. The consent is recorded in the app with name and reason.",
    "Geef de voorkeur aan een gesprek op een veilige locatie, zoals een kantoor met "
    "alarmknop.": "Prefer a meeting at a safe location, such as an office with an alarm button.",
    "Kan het bezoek niet worden vermeden of uitgesteld? Ga met z'n tweeën of samen met de "
    "politie.": "Can the visit not be avoided or postponed? Go as a pair or together with the "
    "police.",
    "Informeer vooraf de politie via 0900-8844.": "Inform the police beforehand on 0900-8844.",
    "Vraag vooraf toestemming aan uw leidinggevende en leg naam en reden vast.": "Ask your team "
    "leader for consent beforehand and record the name and reason.",
    "Geen risicofactoren die tot oranje of rood leiden": "No risk factors that lead to orange "
    "or red",
    # ---- settings page ----------------------------------------------------------------
    "Instellingen": "Settings",
    "Instellingen van de organisatie": "Organisation settings",
    "Deze waarden gelden voor iedereen die met deze database werkt. Wijzigingen gelden "
    "direct voor nieuwe bezoeken en herinneringen.": "These values apply to everyone who "
    "works with this database. Changes apply at once to new visits and reminders.",
    "Instellingen &opslaan": "&Save settings",
    "Instellingen opslaan": "Save settings",
    "&Standaardwaarden invullen": "Fill in &defaults",
    "Standaardwaarden invullen": "Fill in defaults",
    "&Wijzigingen ongedaan maken": "&Undo changes",
    "Wijzigingen ongedaan maken": "Undo changes",
    "Instellingen opgeslagen.": "Settings saved.",
    "&Wachtwoord wijzigen…": "Change &password…",
    "Terugbellen en alarm": "Call-backs and alarms",
    "Eerste terugbelmoment na aankomst (minuten)": "First call-back after arrival (minutes)",
    "Belinterval oranje/rood (minuten)": "Call interval orange/red (minutes)",
    "Opnieuw bellen na (minuten)": "Call again after (minutes)",
    "Uitlooptijd (minuten)": "Grace period (minutes)",
    "Escalatie na (minuten)": "Escalate after (minutes)",
    "Politie": "Police",
    "Alarmnummer politie": "Police emergency number",
    "Algemeen nummer politie": "Police non-emergency number",
    "Gemeente (voor brieven)": "Municipality (for letters)",
    "Naam gemeente": "Name of the municipality",
    "Adres gemeente": "Address of the municipality",
    "Herbeoordeling register (maanden)": "Register review (months)",
    "Vervaltermijn na herbeoordeling (maanden)": "Expiry after a missed review (months)",
    "Beveiliging en bewaren": "Security and retention",
    "Automatisch vergrendelen na (minuten)": "Lock automatically after (minutes)",
    "Automatische back-up elke (uren)": "Automatic backup every (hours)",
    "Aantal automatische back-ups bewaren": "Number of automatic backups to keep",
    "Bezoekgegevens anonimiseren na (dagen)": "Anonymise visit details after (days)",
    "Verlopen adresnotities verwijderen na (maanden)": "Delete expired address notes after "
    "(months)",
    # ---- reports page -----------------------------------------------------------------
    "Rapportages": "Reports",
    "Aantallen voor de analyse per team: incidenten per maand, per soort gedrag en per "
    "kanaal, bezoeken per niveau, te late herbeoordelingen en reactietijden. Alleen "
    "getallen, geen namen of adressen.": "Figures for the team's analysis: incidents per "
    "month, per kind of behaviour and per channel, visits per level, overdue reviews and "
    "response times. Numbers only, no names or addresses.",
    "&Periode:": "&Period:",
    "Periode": "Period",
    "Exporteren als &CSV…": "Export as &CSV…",
    "Exporteren als CSV": "Export as CSV",
    "laatste {n} maanden": "last {n} months",
    "Incidenten per maand": "Incidents per month",
    "Incidenten per soort gedrag": "Incidents per kind of behaviour",
    "Incidenten per kanaal": "Incidents per channel",
    "Bezoeken per niveau": "Visits per level",
    "Incidenten per soort gedrag (A–E)": "Incidents per kind of behaviour (A–E)",
    "Te late herbeoordelingen in het adresregister: {n}.": "Overdue reviews in the address "
    "register: {n}.",
    "{total} incidenten van {first} tot en met {last}. {overdue}": "{total} incidents from "
    "{first} to {last}. {overdue}",
    "Rapportage opslaan als": "Save report as",
    "CSV-bestanden (*.csv)": "CSV files (*.csv)",
    "Reactietijden": "Response times",
    (
        "Per maand: hoe snel de buddy belde na een terugbelmoment, hoe snel iemand een alarm "
        "bevestigde, en hoe lang niemand meekeek met een lopend bezoek (de mediaan en het 90e "
        "percentiel, in minuten:seconden). Een terugbelmoment zonder gesprek, een alarm dat "
        "niemand bevestigde en een bezoek dat nog onbewaakt is, tellen apart."
    ): "Per month: how soon the buddy called after a call-back moment, how soon someone "
    "acknowledged an alarm, and how long nobody watched a running visit (the median and the "
    "90th percentile, in minutes:seconds). A call-back moment without a call, an alarm nobody "
    "acknowledged and a visit still unwatched are counted apart.",
    "&Onbewaakt: niemand keek mee tot weer bewaakt": "&Unwatched: nobody watched until "
    "watched again",
    "Onbewaakte bezoeken per maand": "Unwatched visits per month",
    (
        "Per maand: het aantal keren dat niemand meekeek met een lopend bezoek en daarna weer "
        "wel, de mediaan en het 90e percentiel van hoe lang, en het aantal dat nog onbewaakt is."
    ): "Per month: the number of times nobody watched a running visit and then someone did "
    "again, the median and the 90th percentile of how long, and the number still unwatched.",
    "Weer bewaakt": "Watched again",
    "Nog onbewaakt": "Still unwatched",
    "&Terugbellen: terugbelmoment tot gesprek": "&Call-backs: call-back moment to call",
    "Reactietijden terugbellen per maand": "Call-back response times per month",
    "Per maand: het aantal gebelde terugbelmomenten, de mediaan en het 90e percentiel van "
    "de tijd tot het gesprek, en het aantal niet gebelde.": "Per month: the number of "
    "call-back moments called, the median and the 90th percentile of the time to the call, "
    "and the number not called.",
    "&Alarmen: alarm tot bevestigd": "&Alarms: alarm to acknowledged",
    "Reactietijden alarmen per maand": "Alarm response times per month",
    "Per maand: het aantal bevestigde alarmen, de mediaan en het 90e percentiel van de tijd "
    "tot de bevestiging, en het aantal niet bevestigde.": "Per month: the number of alarms "
    "acknowledged, the median and the 90th percentile of the time to the acknowledgement, "
    "and the number not acknowledged.",
    "Mediaan": "Median",
    "P90": "P90",
    "Maand": "Month",
    "Niet gebeld": "Not called",
    "Bevestigd": "Acknowledged",
    "Niet bevestigd": "Not acknowledged",
    "jan": "Jan",
    "feb": "Feb",
    "mrt": "Mar",
    "apr": "Apr",
    "mei": "May",
    "jun": "Jun",
    "jul": "Jul",
    "aug": "Aug",
    "sep": "Sep",
    "okt": "Oct",
    "nov": "Nov",
    "dec": "Dec",
    # ---- my visits: documents, incidents -----------------------------------------------
    "Aankondigings&brief (PDF)…": "Announcement &letter (PDF)…",
    "Aankondigingsbrief als PDF opslaan": "Save the announcement letter as PDF",
    "De brief waarmee u het bezoek schriftelijk aankondigt": "The letter announcing the visit "
    "in writing",
    "In a&genda (.ics)…": "To a&genda (.ics)…",
    "Bezoek als agenda-item opslaan": "Save the visit as an agenda item",
    "Zorg eerst voor uw eigen veiligheid. Is er direct gevaar, bel dan {emergency}; ga na "
    "letsel naar een arts.\nInformeer nu uw leidinggevende over wat er is gebeurd.\nVul "
    "daarna het incidentformulier in (wie, wat, waar, wanneer en hoe); het staat al voor u "
    "open.": "First make sure you are safe. In immediate danger, call {emergency}; after an "
    "injury, see a doctor.\nTell your team leader now what happened.\nThen fill in the "
    "incident form (who, what, where, when and how); it is already open for you.",
    "&Incident melden…": "Report an &incident…",
    "Agressie aan de balie, per telefoon, e-mail, brief of online": "Aggression at the desk, "
    "by phone, e-mail, letter or online",
    "Termijn melding/aangifte (24 uur) verstrijkt": "Deadline for notifying or reporting to "
    "the police (24 hours) is passing",
    "Herinnering: melding/aangifte binnen 24 uur": "Reminder: notify or report to the police "
    "within 24 hours",
    "Nazorg: eerste gesprek (binnen 24–72 uur)": "Aftercare: first conversation (within "
    "24–72 hours)",
    "Nazorg: tweede gesprek (na ongeveer 5 dagen)": "Aftercare: second conversation (after "
    "about 5 days)",
    "Nazorg: derde gesprek (na 4–6 weken)": "Aftercare: third conversation (after 4–6 weeks)",
    "Open alarmen": "Open alarms",
    "Openen": "Open",
    "Incident openen": "Open the incident",
    "incident nr. {number}": "incident no. {number}",
    "Medewerker: {name}.": "Employee: {name}.",
    # ---- desktop notifications and tray (reminders/notifier.py) ----------------------
    "Alarm: bezoek van {name} — ontgrendel voor details": "Alarm: visit by {name} — unlock "
    "for details",
    "Veilig Huisbezoek — alarm: open de app": "Veilig Huisbezoek — alarm: open the app",
    "een collega": "a colleague",
    "Bel nu {name}.": "Call {name} now.",
    "{name} is nog niet terug.": "{name} is not back yet.",
    "Alarm voor het bezoek van {name} is niet bevestigd.": "The alarm for {name}'s visit has "
    "not been acknowledged.",
    "Er verloopt een termijn.": "A deadline is passing.",
    "TE LAAT (oorspronkelijk {time}): {message}": "LATE (originally {time}): {message}",
    "Open Veilig Huisbezoek voor de gegevens.": "Open Veilig Huisbezoek for the details.",
    "Bureaubladmeldingen zijn niet beschikbaar; alarmen verschijnen in de app.": "Desktop "
    "notifications are not available; alarms appear in the app.",
    # ---- team mode -----------------------------------------------------------------
    "Verbinding met de teamserver": "Connection to the team server",
    "Geen verbinding met de teamserver sinds {time} — u ziet de laatst bekende stand "
    "({age} min oud); opnieuw proberen…": "No connection to the team server since {time} — "
    "you see the last known state ({age} min old); retrying…",
    "Teamserver: {server}": "Team server: {server}",
    "Verbinding met de teamserver hersteld.": "Connection to the team server restored.",
    # ---- checklist reasons (domain/checklist.py REASON_TEMPLATES) ----------------------
    'Ernstige factor "{question}": ja → rood': 'Serious factor "{question}": yes → red',
    'Ernstige factor "{question}": weet ik niet → minstens oranje': "Serious factor "
    '"{question}": don\'t know → at least orange',
    'Ernstige factor "{question}": weet ik niet → minstens rood': "Serious factor "
    '"{question}": don\'t know → at least red',
    'Situatiefactor "{question}": ja': 'Situational factor "{question}": yes',
    '{count}× "weet ik niet" telt als een situatiefactor': '{count}× "don\'t know" counts as '
    "a situational factor",
    "{count} situatiefactor met ja → oranje": "{count} situational factor with yes → orange",
    "{count} situatiefactoren met ja → oranje": "{count} situational factors with yes → orange",
    "{count} situatiefactor met ja en 1 voor onbekende antwoorden → oranje": "{count} "
    "situational factor with yes and 1 for unknown answers → orange",
    "{count} situatiefactoren met ja en 1 voor onbekende antwoorden → oranje": "{count} "
    "situational factors with yes and 1 for unknown answers → orange",
    "{count} situatiefactor met ja; oranje vanaf {threshold} situatiefactoren": "{count} "
    "situational factor with yes; orange from {threshold} situational factors",
    "{count} situatiefactoren met ja; oranje vanaf {threshold} situatiefactoren": "{count} "
    "situational factors with yes; orange from {threshold} situational factors",
    '{unknown}× "weet ik niet" (telt als een situatiefactor); oranje vanaf {threshold} '
    "situatiefactoren": '{unknown}× "don\'t know" (counts as a situational factor); orange '
    "from {threshold} situational factors",
    '{count} situatiefactor met ja en {unknown}× "weet ik niet" (telt als een '
    "situatiefactor); oranje vanaf {threshold} situatiefactoren": "{count} situational factor "
    'with yes and {unknown}× "don\'t know" (counts as a situational factor); orange from '
    "{threshold} situational factors",
    '{count} situatiefactoren met ja en {unknown}× "weet ik niet" (telt als een '
    "situatiefactor); oranje vanaf {threshold} situatiefactoren": "{count} situational "
    'factors with yes and {unknown}× "don\'t know" (counts as a situational factor); orange '
    "from {threshold} situational factors",
    # ---- the demo accounts' roles, on the login screen of --demo (services/demo.py) ---
    "medewerker (handhaver)": "employee (enforcement officer)",
    "medewerker (Wmo-consulent), vaak buddy": "employee (Wmo social support consultant), "
    "often the buddy",
    "medewerker (jeugd)": "employee (youth care)",
    "leidinggevende / coördinator agressie en geweld": "team leader / aggression and violence "
    "coordinator",
    "beheerder": "administrator",
    # ---- presence: who watches a running visit (docs/design.md §4a) ------------------------
    "{name} kijkt mee": "{name} is watching",
    "{name} kijkt mee.": "{name} is watching.",
    "u kijkt mee": "you are watching",
    "niemand kijkt mee sinds {time}": "nobody watching since {time}",
    "{symbol} Niemand kijkt mee sinds {time}.": "{symbol} Nobody watching since {time}.",
    "Buddy: {buddy}. Niemand kijkt nu mee: de buddy is niet ingelogd of de app is gestopt. "
    "Bel de buddy of neem contact op met de leidinggevende.": "Buddy: {buddy}. Nobody is "
    "watching now: the buddy is not logged in or the app has stopped. Call the buddy or "
    "contact the team leader.",
    "Buddy: {buddy}.": "Buddy: {buddy}.",
    "Buddy: {buddy}. {watch}.": "Buddy: {buddy}. {watch}.",
    # ---- fixed refusals of the services (shown through domain_text) ----------------
    "De aankondigingsbrief kan niet worden gemaakt: de naam en het adres van de gemeente "
    "ontbreken. De beheerder vult ze in bij Instellingen, onder Gemeente (voor brieven).": "The "
    "announcement letter cannot be made: the municipality's name and address are missing. "
    "The administrator fills them in under Settings, Municipality (for letters).",
    # ---- refusals of the domain, services and storage (tools/refusal_texts.py): field
    # names, literal refusals and msg() templates, shown through gui.i18n.error_text ----
    (
        "'{text}' is geen geldige postcode. Gebruik vier "
        "cijfers en twee letters, bijvoorbeeld 1234 AB."
    ): "'{text}' is not a valid postcode. Use four digits and two letters, for example 1234 AB.",
    "de lettercombinatie {letters} wordt niet gebruikt in postcodes.": (
        "the letters {letters} are not used in postcodes."
    ),
    (
        "'{text}' is geen geldig huisnummer. Gebruik een nummer "
        "met eventueel een toevoeging, bijvoorbeeld 12 of 12-A."
    ): (
        "'{text}' is not a valid house number. Use a number, "
        "with an addition if there is one, for example 12 or "
        "12-A."
    ),
    "het huisnummer moet tussen 1 en {high} liggen.": (
        "the house number must be between 1 and {high}."
    ),
    "de toevoeging '{addition}' is te lang (maximaal {count} tekens).": (
        "the addition '{addition}' is too long (at most {count} characters)."
    ),
    (
        "'{text}' is geen adres. Gebruik postcode en "
        "huisnummer, bijvoorbeeld 1234 AB 5 of 1234 AB "
        "5-A."
    ): (
        "'{text}' is not an address. Use the postcode and "
        "house number, for example 1234 AB 5 or 1234 AB 5-A."
    ),
    "postcode": "postcode",
    "huisnummer": "house number",
    "{part}: {message}": "{part}: {message}",
    "maximaal {count} tekens.": "at most {count} characters.",
    "vul de postcode in, bijvoorbeeld 1234 AB.": "fill in the postcode, for example 1234 AB.",
    "een postcode begint niet met een 0.": "a postcode does not start with a 0.",
    "vul het huisnummer in.": "fill in the house number.",
    "dit veld is verplicht.": "this field is required.",
    "bevat ongeldige (onzichtbare) tekens.": "contains invalid (invisible) characters.",
    "Antwoord": "Answer",
    "geef aan of de bezoeker opnam met de voornaam of de achternaam.": (
        "say whether the visitor answered with their first name or their last name."
    ),
    "onbekende vraag '{item}' in de checklist.": "unknown question '{item}' in the checklist.",
    'ongeldig antwoord bij "{question}" (kies ja, nee of weet ik niet).': (
        'invalid answer to "{question}" (choose yes, no or don\'t know).'
    ),
    (
        "{shown} bestaat niet: de klok gaat die nacht een uur "
        "vooruit (zomertijd). Kies een tijd buiten dit uur."
    ): (
        "{shown} does not exist: the clocks go forward an hour "
        "that night (summer time). Choose a time outside this hour."
    ),
    (
        "{shown} komt twee keer voor: de klok gaat die nacht een uur terug. "
        "Kies of u de zomertijd (eerste keer) of de wintertijd (tweede keer) "
        "bedoelt."
    ): (
        "{shown} occurs twice: the clocks go back an hour that night. Choose "
        "whether you mean summer time (the first time) or winter time (the "
        "second time)."
    ),
    (
        "'{text}' is geen geldige datum en tijd. Gebruik "
        "dd-mm-jjjj uu:mm, bijvoorbeeld 23-11-2026 14:30."
    ): "'{text}' is not a valid date and time. Use dd-mm-yyyy hh:mm, for example 23-11-2026 14:30.",
    "'{text}' bestaat niet als datum of tijd (controleer dag, maand, uur en minuten).": (
        "'{text}' does not exist as a date or time (check the day, month, hour and minutes)."
    ),
    "Wat": "What",
    "Waar": "Where",
    "Waarmee": "With what",
    "Waarom": "Why",
    "Letsel (toelichting)": "Injury (details)",
    "wie was erbij betrokken? Noem de rol (cliënt, bewoner) of 'onbekend'.": (
        "who was involved? Give their role (client, resident) or 'unknown'."
    ),
    "beschrijf feitelijk wat er gebeurde.": "describe the facts of what happened.",
    "waar gebeurde het (adres, balie, telefoon, online)?": (
        "where did it happen (address, front desk, phone, online)?"
    ),
    "'{name}' is leeg.": "'{name}' is empty.",
    "te kort: beschrijf het in minstens {count} tekens.": (
        "too short: describe it in at least {count} characters."
    ),
    (
        "'{name}' is {size}; een bijlage mag hoogstens {limit} zijn. Maak "
        "de schermafbeelding kleiner of sla alleen het relevante deel op."
    ): (
        "'{name}' is {size}; an attachment may be at most {limit}. "
        "Make the screenshot smaller or save only the relevant part."
    ),
    (
        "samen mogen de bijlagen van één incident hoogstens {limit} zijn; er is nog {left} over."
    ): "together the attachments of one incident may be at most {limit}; {left} is left.",
    "Tijdstip stap": "Time of the step",
    "dit tijdstip ligt in de toekomst.": "this time is in the future.",
    "dit tijdstip ligt vóór het incident.": "this time is before the incident.",
    "Bijlage": "Attachment",
    "het bestand heeft geen geldige naam.": "the file does not have a valid name.",
    "Datum en tijd bijlage": "Date and time of the attachment",
    "vul in wanneer het bericht is geplaatst of de schermafbeelding is gemaakt.": (
        "fill in when the message was posted or the screenshot was taken."
    ),
    "Wanneer": "When",
    "vul datum en tijd van het incident in.": "fill in the date and time of the incident.",
    "het incident ligt in de toekomst.": "the incident is in the future.",
    "het incident is meer dan een jaar geleden.": "the incident was more than a year ago.",
    "kies hoe het incident plaatsvond.": "choose how the incident took place.",
    "Soort gedrag": "Kind of behaviour",
    "kies de categorie A tot en met E.": "choose category A to E.",
    "kies of er letsel was.": "choose whether there was an injury.",
    "beschrijf het letsel en de behandeling.": "describe the injury and the treatment.",
    "kies aangifte, melding of geen.": (
        "choose a formal report (aangifte), a notification (melding) or none."
    ),
    "Gemeld op": "Reported on",
    "vul datum en tijd in.": "fill in the date and time.",
    "wie deed de melding of aangifte?": "who notified or reported to the police?",
    "leg vast waarom er geen melding of aangifte is.": (
        "record why the police were not notified or reported to."
    ),
    "vul het nummer van de aangifte in.": "fill in the number of the formal report.",
    "aangifte gebeurt altijd op het adres van de gemeente, nooit op het privéadres.": (
        "a formal report always gives the municipality's address, never a private address."
    ),
    "Gesprek": "Conversation",
    "kies welk gesprek.": "choose which conversation.",
    "kies gehouden of afgeslagen.": "choose held or declined.",
    "vul de datum in.": "fill in the date.",
    "de datum ligt in de toekomst.": "the date is in the future.",
    "de datum ligt vóór het incident.": "the date is before the incident.",
    "Een zin van een paar woorden is sterk en goed te onthouden.": (
        "A sentence of a few words is strong and easy to remember."
    ),
    "bevat uw eigen naam of gebruikersnaam, en die zijn makkelijk te raden": (
        "contains your own name or user name, and those are easy to guess"
    ),
    "bevat de naam van de gemeente, en die is makkelijk te raden": (
        "contains the municipality's name, and that is easy to guess"
    ),
    "is te makkelijk te raden": "is too easy to guess",
    "een reeks als 1234 of abcd is makkelijk te raden": (
        "a sequence such as 1234 or abcd is easy to guess"
    ),
    "een rij toetsen als qwerty is makkelijk te raden": (
        "a row of keys such as qwerty is easy to guess"
    ),
    "herhalingen als aaa of abcabc zijn makkelijk te raden": (
        "repeats such as aaa or abcabc are easy to guess"
    ),
    "jaartallen en datums zijn makkelijk te raden": "years and dates are easy to guess",
    "lijkt op een veelgebruikt wachtwoord en is daardoor makkelijk te raden": (
        "looks like a common password and so is easy to guess"
    ),
    "minimaal {count} tekens. {advice}": "at least {count} characters. {advice}",
    "{reason}. {advice}": "{reason}. {advice}",
    "geen spaties aan begin of eind en geen onzichtbare tekens.": (
        "no spaces at the start or end and no invisible characters."
    ),
    "te eenvoudig: gebruik meer verschillende tekens.": (
        "too simple: use more different characters."
    ),
    (
        "'{text}' is geen geldig telefoonnummer. "
        "Gebruik bijvoorbeeld 06 12345678 of +31 6 "
        "12345678."
    ): "'{text}' is not a valid phone number. Use for example 06 12345678 or +31 6 12345678.",
    "vul een telefoonnummer in.": "fill in a phone number.",
    "het telefoonnummer is te lang.": "the phone number is too long.",
    "Een notitie met status '{status}' kan niet worden {action}.": (
        "A note with status '{status}' cannot be {action}."
    ),
    "goedkeuren": "approve",
    "goedgekeurd": "approved",
    "afwijzen": "reject",
    "afgewezen": "rejected",
    "beoordelen": "review",
    "beoordeeld": "reviewed",
    "ingetrokken": "withdrawn",
    "Alleen een leidinggevende mag een notitie {action}.": (
        "Only a team leader may {action} a note."
    ),
    "intrekken": "withdraw",
    "mag niet meer dan {count} jaar geleden zijn.": "may not be more than {count} years ago.",
    "te kort: beschrijf feitelijk een concreet incident (minstens {count} tekens).": (
        "too short: describe the facts of a specific incident (at least {count} characters)."
    ),
    "kies een geldige categorie.": "choose a valid category.",
    "mag niet in de toekomst liggen.": "may not be in the future.",
    "Omschrijving": "Description",
    "beschrijf feitelijk wat er is gebeurd (verplicht).": (
        "describe the facts of what happened (required)."
    ),
    (
        "U kunt uw eigen notitie niet goedkeuren: een andere "
        "leidinggevende moet dat doen (vier-ogenprincipe)."
    ): (
        "You cannot approve your own note: another team "
        "leader has to do that (four-eyes principle)."
    ),
    (
        "U hebt deze notitie zelf bewerkt: een andere "
        "leidinggevende keurt de bewerking goed "
        "(vier-ogenprincipe)."
    ): (
        "You edited this note yourself: another team "
        "leader approves the edit (four-eyes principle)."
    ),
    "geef een reden op.": "give a reason.",
    "Reden afwijzing": "Reason for rejecting",
    "Reden intrekken": "Reason for withdrawing",
    "Geen toestemming: {what}.": "Not allowed: {what}.",
    "onbekende rol; kies uit {allowed}": "unknown role; choose from {allowed}",
    "Rol": "Role",
    "onbekende instelling '{key}'.": "unknown setting '{key}'.",
    "moet tussen {low} en {high} liggen.": "must be between {low} and {high}.",
    "verwacht een lijst met naam en waarde.": "expects a list of names and values.",
    "moet een geheel getal zijn.": "must be a whole number.",
    "moet tekst zijn.": "must be text.",
    "mag niet leeg zijn.": "may not be empty.",
    "Een bezoek met status '{current}' kan niet naar '{target}'.": (
        "A visit with status '{current}' cannot change to '{target}'."
    ),
    "maximaal {count} tekens (nu {length}).": "at most {count} characters (now {length}).",
    "onbekende reden '{reason}'.": "unknown reason '{reason}'.",
    "kies de reden van het bezoek.": "choose the reason for the visit.",
    "moet na het begin van het bezoek liggen.": "must be after the start of the visit.",
    "mag hoogstens 24 uur na het begin van het bezoek liggen.": (
        "may be at most 24 hours after the start of the visit."
    ),
    "mag niet meer dan een uur in het verleden liggen.": (
        "may not be more than an hour in the past."
    ),
    "elk terugbelmoment moet tussen het begin en de verwachte terugkomst liggen.": (
        "every call-back time must be between the start and the expected return."
    ),
    "Collega's": "Colleagues",
    "de bezoeker staat ook als collega vermeld.": "the visitor is also listed as a colleague.",
    "kies een buddy die u terugbelt.": "choose a buddy who calls you back.",
    "de buddy kan niet de bezoeker zelf zijn.": "the buddy cannot be the visitor themselves.",
    "de buddy gaat niet mee: kies iemand die op kantoor blijft.": (
        "the buddy does not come along: choose someone who stays at the office."
    ),
    "gebruik 2 tot 50 tekens: letters, cijfers, punt, streepje of liggend streepje.": (
        "use 2 to 50 characters: letters, digits, full stop, hyphen or underscore."
    ),
    "Account": "Account",
    "dit account bestaat niet (meer).": "this account does not exist (any more).",
    "maximaal 100 tekens, zonder onzichtbare tekens.": (
        "at most 100 characters, without invisible characters."
    ),
    "kies ten minste één rol.": "choose at least one role.",
    "deze naam is al in gebruik.": "this name is already in use.",
    "Deze database heeft al accounts.": "This database already has accounts.",
    (
        "een account van een leidinggevende maken of zijn wachtwoord "
        "herstellen kan alleen met de handtekening van een tweede "
        "leidinggevende (vier ogen)"
    ): (
        "making a team leader's account or resetting a team leader's "
        "password needs the signature of a second team leader (four eyes)"
    ),
    "alleen een beheerder kan accounts toevoegen": "only an administrator can add accounts",
    "alleen een beheerder kan accounts verwijderen": "only an administrator can delete accounts",
    "u kunt uw eigen account niet verwijderen": "you cannot delete your own account",
    "klopt niet.": "is not correct.",
    "alleen een beheerder kan wachtwoorden herstellen": "only an administrator can reset passwords",
    "uw eigen wachtwoord wijzigt u met 'Wachtwoord wijzigen'": (
        "you change your own password with 'Change password'"
    ),
    "alleen een beheerder kan accounts beheren": "only an administrator can manage accounts",
    "geen actief account met deze naam.": "no active account with this name.",
    "dit alarm bestaat niet of is niet voor u bedoeld": (
        "this alarm does not exist or is not meant for you"
    ),
    "dit alarm is voor leidinggevenden": "this alarm is for team leaders",
    "dit bezoek bestaat niet": "this visit does not exist",
    "dit alarm is voor de buddy van het bezoek": "this alarm is for the visit's buddy",
    "dit alarm bestaat niet": "this alarm does not exist",
    "alleen een leidinggevende bevestigt dit alarm": "only a team leader acknowledges this alarm",
    "alleen de buddy of een leidinggevende bevestigt dit alarm": (
        "only the buddy or a team leader acknowledges this alarm"
    ),
    "alleen een beheerder kan demodata laden": "only an administrator can load demo data",
    "alleen een leidinggevende kan een adres exporteren": (
        "only a team leader can export an address"
    ),
    "de datum 'van' ligt na de datum 'tot en met'.": "the 'from' date is after the 'to' date.",
    "alleen een leidinggevende geeft toestemming bij rood": (
        "only a team leader gives consent at red"
    ),
    "dit incident bestaat niet of u mag het niet zien": (
        "this incident does not exist or you may not see it"
    ),
    "dit bezoek bestaat niet of u mag het niet zien": (
        "this visit does not exist or you may not see it"
    ),
    "u mag geen incidenten melden": "you may not report incidents",
    "u meldt alleen incidenten die u zelf overkwamen": (
        "you only report incidents that happened to you"
    ),
    "kies een actieve medewerker.": "choose an active employee.",
    "een incident hoort bij een bezoek dat al is begonnen.": (
        "an incident belongs to a visit that has already started."
    ),
    "u ging niet mee op dit bezoek": "you did not go on this visit",
    "alleen een leidinggevende legt de nazorg vast": "only a team leader records the aftercare",
    "deze bijlage bestaat niet": "this attachment does not exist",
    "alleen wie de bijlage toevoegde verwijdert haar": (
        "only whoever added the attachment deletes it"
    ),
    "voor dit incident is al een adresnotitie voorgesteld.": (
        "an address note has already been proposed for this incident."
    ),
    (
        "Het bezoek is als concept bewaard, maar nog niet "
        "gepland: {cause} U kunt het plannen vanuit Mijn "
        "bezoeken."
    ): (
        "The visit was saved as a draft, but not scheduled "
        "yet: {cause} You can schedule it from My visits."
    ),
    "{name} is geen leidinggevende en kan geen toestemming geven": (
        "{name} is not a team leader and cannot give consent"
    ),
    "het advies bij {level} is om met twee te gaan; leg vast waarom u alleen gaat.": (
        "the advice at {level} is to go as a pair; record why you are going alone."
    ),
    "Reden toestemming": "Reason for consent",
    "beschrijf in een zin waarom het bezoek doorgaat.": (
        "describe in a sentence why the visit goes ahead."
    ),
    (
        "u kunt niet zelf toestemming geven voor uw eigen bezoek; vraag een andere leidinggevende"
    ): "you cannot give consent for your own visit; ask another team leader",
    "u mag geen bezoeken plannen": "you may not plan visits",
    (
        "bij rood gaat het bezoek alleen door met vastgelegde toestemming van "
        "uw leidinggevende. Laat uw leidinggevende nu tekenen, of sla het "
        "bezoek op als concept en vraag de toestemming later aan."
    ): (
        "at red the visit only goes ahead with recorded consent from your team "
        "leader. Have your team leader sign now, or save the visit as a draft "
        "and ask for consent later."
    ),
    "alleen een leidinggevende geeft toestemming": "only a team leader gives consent",
    "Reden afwijking": "Reason for deviating",
    "bewerkt": "edited",
    "u mag geen adresnotities voorstellen": "you may not propose address notes",
    "deze notitie bestaat niet": "this note does not exist",
    "alleen een leidinggevende beheert adresnotities": "only a team leader manages address notes",
    "u mag het register niet raadplegen": "you may not consult the register",
    "alleen een leidinggevende ziet herbeoordelingen": "only a team leader sees reviews",
    "alleen een leidinggevende bewerkt adresnotities": "only a team leader edits address notes",
    "deze notitie bestaat niet of u mag haar niet zien": (
        "this note does not exist or you may not see it"
    ),
    "alleen een leidinggevende ziet het hele register": (
        "only a team leader sees the whole register"
    ),
    "kies 1 tot en met {count} maanden.": "choose 1 to {count} months.",
    "alleen een leidinggevende ziet rapportages": "only a team leader sees reports",
    "alleen een beheerder of leidinggevende past bewaartermijnen toe": (
        "only an administrator or team leader applies retention periods"
    ),
    "alleen een beheerder wijzigt instellingen": "only an administrator changes settings",
    "een bezoek met status '{status}' belt u niet.": (
        "you do not call a visit with status '{status}'."
    ),
    "kies een actieve collega als buddy.": "choose an active colleague as buddy.",
    "een beheerder zonder medewerkersrol kan geen buddy zijn.": (
        "an administrator without the employee role cannot be a buddy."
    ),
    "kies alleen actieve collega's.": "choose only active colleagues.",
    "u kunt alleen uw eigen bezoeken plannen": "you can only plan your own visits",
    "alleen een leidinggevende kan toestemming geven": "only a team leader can give consent",
    "Toestemming": "Consent",
    "toestemming kan alleen vóór het plannen.": "consent is only possible before scheduling.",
    "alleen de bezoeker of een leidinggevende kan dit doen": (
        "only the visitor or a team leader can do this"
    ),
    (
        "bij rood gaat het bezoek alleen door met vastgelegde toestemming van uw leidinggevende."
    ): "at red the visit only goes ahead with recorded consent from your team leader.",
    "u mag geen terugbelgesprekken vastleggen": "you may not record call-backs",
    "alleen de buddy of een leidinggevende belt dit bezoek": (
        "only the buddy or a team leader calls this visit"
    ),
    "Geen database gevonden in {where}.": "No database found in {where}.",
    "In {where} staat al een database; er is niets veranderd.": (
        "There already is a database in {where}; nothing was changed."
    ),
    "Het bestand {where} is alleen-lezen; Veilig Huisbezoek moet het kunnen wijzigen.": (
        "The file {where} is read-only; Veilig Huisbezoek needs to be able to change it."
    ),
    "De map {where} is alleen-lezen; Veilig Huisbezoek moet daar kunnen schrijven.": (
        "The folder {where} is read-only; Veilig Huisbezoek needs to be able to write there."
    ),
    "Het sleutelbestand is beschadigd of hoort niet bij Veilig Huisbezoek.": (
        "The key file is damaged or does not belong to Veilig Huisbezoek."
    ),
    "Het sleutelbestand heeft een onbekende versie; werk de app bij.": (
        "The key file has an unknown version; update the app."
    ),
    "account": "account",
    "bezoek": "visit",
    "bezoeksgebeurtenis": "visit event",
    "risico-inschatting": "risk assessment",
    "adresnotitie": "address note",
    "auditregel": "audit log entry",
    "incident": "incident",
    "incidentstap": "incident step",
    "melding/aangifte": "police notification/report",
    "nazorggesprek": "aftercare conversation",
    "bijlage": "attachment",
    (
        "Een versleuteld gegeven van {record} {row} ({column}) is "
        "beschadigd of hoort daar niet; het wordt niet getoond."
    ): (
        "An encrypted value of {record} {row} ({column}) is "
        "damaged or does not belong there; it is not shown."
    ),
    "De map {where} is niet leeg; herstel alleen in een lege map.": (
        "The folder {where} is not empty; restore only into an empty folder."
    ),
    "Back-upbestand niet gevonden: {file}": "Backup file not found: {file}",
    "De back-up is beschadigd: {verdict}": "The backup is damaged: {verdict}",
    (
        "De database is beschadigd of is geen database van Veilig "
        "Huisbezoek. Er is niets overschreven; herstel zo nodig een "
        "back-up."
    ): (
        "The database is damaged or is not a Veilig Huisbezoek "
        "database. Nothing was overwritten; restore a backup if "
        "needed."
    ),
    "De database is bezet door een ander programma; probeer het zo opnieuw.": (
        "The database is in use by another program; try again in a moment."
    ),
    (
        "De database is nog open in een ander venster of programma; de "
        "nieuwe sleutel wordt gebruikt zodra de database daar gesloten is."
    ): (
        "The database is still open in another window or program; "
        "the new key is used as soon as the database is closed there."
    ),
    "Het databasebestand ontbreekt naast het sleutelbestand; herstel een back-up.": (
        "The database file is missing next to the key file; restore a backup."
    ),
    (
        "De database kon niet opnieuw versleuteld worden; hij "
        "blijft met de oude sleutel werken. Probeer het later "
        "opnieuw."
    ): (
        "The database could not be re-encrypted; it "
        "keeps working with the old key. Try again "
        "later."
    ),
    "Het bestand is geen back-up van Veilig Huisbezoek of is beschadigd.": (
        "The file is not a Veilig Huisbezoek backup or is damaged."
    ),
    "De database in deze back-up is beschadigd; kies een andere back-up.": (
        "The database in this backup is damaged; choose another backup."
    ),
    "De teamserver bevat al gegevens; kopieer alleen naar een lege server.": (
        "The team server already holds data; copy only to an empty server."
    ),
    "Het adres van de teamserver is ongeldig.": "The team server's address is not valid.",
    "De poort van de teamserver moet tussen 1 en 65535 liggen.": (
        "The team server's port must be between 1 and 65535."
    ),
    "Teammodus werkt met een PostgreSQL-server (postgresql://…).": (
        "Team mode works with a PostgreSQL server (postgresql://…)."
    ),
    "Noem de database in het adres van de teamserver (…/naam).": (
        "Name the database in the team server's address (…/name)."
    ),
    (
        "De verbinding met de teamserver moet versleuteld zijn (TLS): "
        "gebruik sslmode=verify-full (aanbevolen), verify-ca of require."
    ): (
        "The connection to the team server must be encrypted (TLS): "
        "use sslmode=verify-full (recommended), verify-ca or require."
    ),
    (
        "Zet geen wachtwoord in het adres van de "
        "teamserver: u logt in met uw eigen naam en "
        "wachtwoord."
    ): (
        "Do not put a password in the team server's "
        "address: you log in with your own name and "
        "password."
    ),
    (
        "Het verbindingsprofiel {path} is beschadigd; stel de "
        "teamserver opnieuw in met 'veilig-huisbezoek admin "
        "use-server'."
    ): (
        "The connection profile {path} is damaged; set up the team "
        "server again with 'veilig-huisbezoek admin use-server'."
    ),
    "Het verbindingsprofiel {path} is niet leesbaar.": (
        "The connection profile {path} cannot be read."
    ),
    "Het verbindingsprofiel {path}: {cause}": "The connection profile {path}: {cause}",
    "De teamserver weigert dit voor uw account: {reason}.": (
        "The team server refuses this for your account: {reason}."
    ),
    "De teamserver weigert dit voor uw account (rechten per rol).": (
        "The team server refuses this for your account (permissions per role)."
    ),
    "Deze server is (nog) niet ingericht als teamserver.": (
        "This server has not been set up as a team server (yet)."
    ),
    (
        "Deze update versleutelt de bestaande gegevens opnieuw en heeft "
        "daarvoor de teamsleutel nodig: geef ook --user (een account op de "
        "server) en diens wachtwoord."
    ): (
        "This update re-encrypts the existing data and needs the team key for "
        "that: also give --user (an account on the server) and its password."
    ),
    "De teamsleutel verandert steeds; probeer het later opnieuw.": (
        "The team key keeps changing; try again later."
    ),
    (
        "De teamserver heeft een andere schemaversie dan deze app; laat "
        "de beheerder 'veilig-huisbezoek admin upgrade-server' uitvoeren."
    ): (
        "The team server has a different schema version than this app; ask "
        "the administrator to run 'veilig-huisbezoek admin upgrade-server'."
    ),
    "Op een teamserver herstelt de beheerder andermans wachtwoord.": (
        "On a team server the administrator resets someone else's password."
    ),
    "Log opnieuw in en wijzig dan uw wachtwoord.": "Log in again and then change your password.",
    (
        "Een teamserver wordt op de server zelf geback-upt (pg_dump door de "
        "beheerder van de server); de app maakt daar geen bestanden van."
    ): (
        "A team server is backed up on the server itself (pg_dump by "
        "the server's administrator); the app makes no files of it."
    ),
    "Onjuiste gebruikersnaam of wachtwoord": "Incorrect user name or password",
    (
        "Uw wachtwoord opent deze database niet meer: de sleutel van de "
        "database is vervangen. Vraag de beheerder om een nieuw wachtwoord."
    ): (
        "Your password no longer opens this database: the database's "
        "key was replaced. Ask the administrator for a new password."
    ),
    (
        "Deze database is gemaakt met een nieuwere versie van Veilig "
        "Huisbezoek. Werk de app bij; de database is niet gewijzigd."
    ): (
        "This database was made with a newer version of Veilig "
        "Huisbezoek. Update the app; the database was not changed."
    ),
    (
        "De schijf is vol. Wat al was opgeslagen blijft "
        "bewaard; maak ruimte vrij en probeer opnieuw."
    ): "The disk is full. What was already saved is kept; free up space and try again.",
    (
        "De teamserver is niet bereikbaar. Wat u ziet is de "
        "laatst bekende stand; de app probeert het opnieuw."
    ): (
        "The team server cannot be reached. What you see "
        "is the last known state; the app keeps trying."
    ),
    (
        "Op een teamserver zijn namen en adressen versleuteld: de server kan er niet in zoeken."
    ): "On a team server names and addresses are encrypted: the server cannot search in them.",
    "Telefoonnummer": "Phone number",
    # ---- before departure: is the buddy reachable? (docs/design.md §4a, domain/departure.py) --
    "Vertrokken zonder bereikbare buddy": "Left without a reachable buddy",
    (
        "Vertrekken kan nog niet: {problem} Kies een collega die is ingelogd als buddy, "
        "of leg vast waarom u toch gaat."
    ): "You cannot leave yet: {problem} Choose a colleague who is logged in as buddy, or "
    "record why you go anyway.",
    "{name} is niet ingelogd en het telefoonnummer van {name} kan niet gebeld worden.": (
        "{name} is not logged in and {name}'s phone number cannot be called."
    ),
    "{name} is niet ingelogd.": "{name} is not logged in.",
    "het telefoonnummer van {name} kan niet gebeld worden.": (
        "{name}'s phone number cannot be called."
    ),
    "de reden is te lang (hoogstens {limit} tekens).": (
        "the reason is too long (at most {limit} characters)."
    ),
    "schrijf op waarom u vertrekt zonder bereikbare buddy.": (
        "write down why you leave without a reachable buddy."
    ),
    "de reden bevat een teken dat niet getypt kan worden (zoals een tab).": (
        "the reason contains a character that cannot be typed (such as a tab)."
    ),
    "{name} is niet ingelogd; kies een andere collega.": (
        "{name} is not logged in; choose another colleague."
    ),
    "het telefoonnummer van {name} kan niet gebeld worden; kies een andere collega.": (
        "{name}'s phone number cannot be called; choose another colleague."
    ),
    "kies een andere buddy of vertrek zonder bereikbare buddy, niet allebei.": (
        "choose another buddy or leave without a reachable buddy, not both."
    ),
    # ---- the departure dialog (gui/departure_dialog.py, ui/departure_dialog.ui) -------
    (
        "Vertrokken zonder bereikbare buddy: {who} — {where}. De reden staat bij het bezoek."
    ): "Left without a reachable buddy: {who} — {where}. The reason is with the visit.",
    "Vertrokken om {time}.": "Left at {time}.",
    "Vertrekken: uw buddy is niet bereikbaar": "Leaving: your buddy cannot be reached",
    "Kies een collega uit de lijst, of kies ‘Toch vertrekken’.": (
        "Choose a colleague from the list, or choose ‘Go anyway’."
    ),
    "U bent onderweg.": "You are on your way.",
    "Vertrekken mislukt door een onverwachte fout.": (
        "Leaving failed because of an unexpected error."
    ),
    "Vertrekken": "Leave",
    "Uw buddy is niet bereikbaar": "Your buddy cannot be reached",
    "Wat wilt u doen?": "What would you like to do?",
    "Een &andere collega als buddy (ingelogd)": "&Another colleague as buddy (logged in)",
    "Een andere collega als buddy": "Another colleague as buddy",
    "&Toch vertrekken, zonder bereikbare buddy": "&Go anyway, without a reachable buddy",
    "Toch vertrekken, zonder bereikbare buddy": "Go anyway, without a reachable buddy",
    "&Collega's die nu zijn ingelogd:": "&Colleagues logged in now:",
    "Collega's die nu zijn ingelogd": "Colleagues logged in now",
    "Er is nu geen andere collega ingelogd die buddy kan zijn.": (
        "No other colleague who can be buddy is logged in now."
    ),
    (
        "Uw leidinggevenden krijgen een melding dat u vertrokken bent zonder bereikbare "
        "buddy, met uw reden."
    ): "Your managers are told that you left without a reachable buddy, with your reason.",
    "&Reden": "&Reason",
    "Foutmelding bij de reden": "Error message for the reason",
    "&Vertrekken": "&Leave",
    "Annuleren, niet vertrekken": "Cancel, do not leave",
    "{name} is vertrokken zonder bereikbare buddy.": "{name} left without a reachable buddy.",
    "Andere buddy bij vertrek": "Another buddy at departure",
    "Vertrokken zonder bereikbare buddy, aan leidinggevenden": (
        "Left without a reachable buddy, to the managers"
    ),
    # Failover, taking charge, escalation repeats (docs/design.md §4a).
    "Buddy niet bereikbaar": "Buddy unreachable",
    "Escalatie herhalen elke (minuten)": "Repeat an escalation every (minutes)",
    "dit alarm is voor collega's die buddy kunnen zijn": (
        "this alarm is for colleagues who can act as buddy"
    ),
    "alleen een collega die buddy kan zijn handelt dit alarm af": (
        "only a colleague who can act as buddy handles this alarm"
    ),
    "Overnemen": "Take over",
    "Bezoek overnemen: u wordt de buddy": "Take over the visit: you become the buddy",
    "U wordt de buddy van dit bezoek; de anderen zien dat u het overneemt.": (
        "You become the buddy of this visit; the others see that you take it over."
    ),
    "Alarm bevestigen: u handelt het af": "Acknowledge the alarm: you handle it",
    (
        "Bevestig dat u dit alarm afhandelt; dit wordt vastgelegd en de anderen zien "
        "dat u het doet."
    ): "Confirm that you handle this alarm; this is recorded and the others see that you do.",
    "In behandeling": "Being handled",
    "Een collega": "A colleague",
    "uw bezoek": "your visit",
    "bezoek van {name}": "{name}'s visit",
    "bezoek nr. {number}": "visit no. {number}",
    "nr. {number}": "no. {number}",
    "{name} handelt dit af ({time}): {what} — {about}.": (
        "{name} is handling this ({time}): {what} — {about}."
    ),
    (
        "Buddy niet bereikbaar ({buddy}): bezoek van {who} — {where}. Niemand "
        "kijkt mee sinds {since}."
    ): "Buddy unreachable ({buddy}): visit of {who} — {where}. Nobody has watched since {since}.",
    (
        "Buddy niet bereikbaar ({buddy}): bezoek van {who}. Niemand kijkt mee sinds {since}."
    ): "Buddy unreachable ({buddy}): visit of {who}. Nobody has watched since {since}.",
    "Neem het bezoek over met Overnemen, of bevestig met Bevestigen.": (
        "Take the visit over with Take over, or acknowledge with Acknowledge."
    ),
    "{symbol} In behandeling bij een collega": "{symbol} Being handled by a colleague",
    "de bezoeker": "the visitor",
    "U bent nu de buddy van het bezoek van {name}.": "You are now the buddy of {name}'s visit.",
    "Niemand kijkt mee bij het bezoek van {name}.": "Nobody is watching {name}'s visit.",
    # The watch service's status line (docs/design.md §4a, the last line).
    "Wachtpost": "Watch service",
    "Wachtpost stil sinds {time}: zonder werkplek gaat er geen melding uit.": (
        "Watch service silent since {time}: without a workstation no message goes out."
    ),
    "Wachtpost meldt een storing ({time}): {what}": (
        "Watch service reports a fault ({time}): {what}"
    ),
    "Wachtpost actief ({time})": "Watch service active ({time})",
    # ---- saving off the GUI thread (gui/alarm_panel.py, gui/call_dialog.py) ----------
    "Bezig met opslaan…": "Saving…",
    "Niet vastgelegd: {reason} Het alarm blijft staan.": (
        "Not recorded: {reason} The alarm stays."
    ),
    "Het gesprek is niet vastgelegd: {reason} Uw keuzes staan er nog.": (
        "The call was not recorded: {reason} Your choices are still there."
    ),
    "Het register onveilige adressen wordt geraadpleegd…": (
        "Consulting the register of unsafe addresses…"
    ),
}
