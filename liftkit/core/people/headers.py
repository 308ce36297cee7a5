"""The header spellings that name an attendee's name, first and last name, and email.

English spellings come from Zoom (registration, participant and webinar reports), Eventbrite,
Tito, Microsoft Teams attendance reports, Google Forms and spreadsheets. Zoom and Teams write
their headers in the organiser's language; the other languages' spellings were taken from
real exports and from scripts that read them in public repositories (docs/groups.md lists
them with their source). A few have no such source yet and are marked "unverified" below:
they are kept because they are what a translation of the English header would read, and
reading them costs nothing when they never occur. All are matched as normalised by
`header_key`.
"""

from __future__ import annotations

from collections.abc import Sequence

from liftkit.core.people.model import header_key

NAME_COLUMNS = (
    "name",
    "names",  # the Google Meet Attendance extension
    "full name",
    "fullname",
    "your name",
    "your full name",  # Microsoft Forms and Google Forms questions
    "display name",
    "attendee name",
    "attendee full name",
    "participant name",
    "registrant name",
    "guest name",
    "delegate name",  # unverified: conference and training registration sheets
    "learner name",  # unverified
    "student name",  # unverified
    "ticket full name",
    "name (original name)",
    "名前 (元の名前)",  # Zoom, Japanese
    # Teams (older per-event report) and spreadsheets in other languages.
    "nome completo",  # Portuguese (Teams' per-event report), Italian
    "nombre completo",  # Spanish (a public Zoom-report script's list of name headers)
    "nom complet",  # French
    "vollständiger name",  # German
    "volledige naam",  # Dutch (registration forms; no Dutch Zoom or Teams export found)
    "nome e cognome",  # Italian
    "nombre del participante",
    "nome do participante",
    "nom du participant",
    "nome partecipante",
    "teilnehmername",
    "naam deelnemer",
    # Indonesian: "Nama" is Teams' name header in an Indonesian attendance report
    # (meetingAttendanceReport.csv of hamonangann/presence-script), "Nama Lengkap" a Google
    # Form's (a public survey's "Timestamp, Nama Lengkap, Angkatan, Kelas").
    "nama lengkap",
    # Polish: Teams' attendance report ("Imię i nazwisko", "Pierwsze dołączenie", "Rola";
    # example-files of mlodyjesienin/teams-attendance, a real report re-saved from Excel)
    "imię i nazwisko",
)
# The bare word "name" in each language: a full name alone, but beside a first-name column it
# is the last name (French "Nom, Prénom", German "Name, Vorname") and beside a last-name
# column the first name (Spanish "Nombre, Apellidos", Italian "Nome, Cognome").
BARE_NAME_COLUMNS = ("name", "nome", "nombre", "nom", "naam", "名前", "nama", "namn")  # namn:
# Swedish, in the exports of public apps ("Namn,E-post,Telefon", "Förnamn,Efternamn,E-post")
FIRST_NAME_COLUMNS = (
    "first name",
    "firstname",
    "given name",
    "forename",
    "attendee first name",
    "ticket first name",
    "vorname",
    "prénom",
    "prenom",
    "primeiro nome",
    "nome próprio",
    "primer nombre",
    "nombre de pila",
    "voornaam",
    "nama depan",  # Indonesian (a public importer's "Nama Depan,Nama Belakang,Alamat Email")
    "förnamn",  # Swedish
    "imię",  # Polish
)
LAST_NAME_COLUMNS = (
    "last name",
    "lastname",
    "surname",
    "family name",
    "attendee last name",
    "ticket last name",
    "nachname",
    "familienname",
    "nom de famille",
    "apellido",
    "apellidos",
    "sobrenome",
    "apelido",
    "cognome",
    "achternaam",
    "nama belakang",
    "efternamn",
    "nazwisko",
)
# Words that are also the values of a role column ("Attendee", "Student"): a name header
# only on the first line of a file. "Teilnehmer" is German for participant.
ROLE_NAME_COLUMNS = (
    "attendee", "attendees", "participant", "participants", "student", "students", "member",
    "members", "learner", "learners", "teilnehmer", "teilnehmerin",
)  # fmt: skip
# A header none of the lists above holds names a person's whole name when its words hold one
# of NAME_WORDS_ALONE ("What is your name?", "Your full name", "Name / Nom", "Preferred
# name") and none of OTHER_NAMES, which make it the name of something else or a part of a
# name (FIRST_PARTS, LAST_PARTS alone); but "Name and surname", "First and last name",
# "Nom et prénom" join two parts into a whole name.
NAME_WORDS_ALONE = frozenset(("name", "names", "nom", "nome", "nombre", "naam", "nama", "namn"))
FIRST_PARTS = frozenset(
    ("first", "given", "fore", "forename", "prénom", "prenom", "vorname", "voornaam", "depan",
     "förnamn", "pila", "imię", "vor", "voor")
)  # fmt: skip
# ("vor", "voor": the first name cut short before its joining word, as German and Dutch
# forms write both parts, "Vor- und Nachname", "Voor- en achternaam")
LAST_PARTS = frozenset(
    ("last", "family", "sur", "surname", "surnames", "nachname", "familienname", "cognome",
     "apellido", "apellidos", "sobrenome", "achternaam", "belakang", "efternamn", "famille",
     "nazwisko")
)  # fmt: skip
OTHER_NAMES = frozenset(
    ("middle", "maiden", "user", "username", "account", "login", "screen", "file", "company",
     "organisation", "organization", "org", "team", "group", "room", "breakout", "event",
     "meeting", "host", "school", "university", "college", "business", "project", "course",
     "job", "employer", "institution", "department", "venue", "site", "product", "brand",
     "manager", "supervisor", "contact", "emergency", "parent", "guardian", "partner",
     "spouse", "child", "children", "pet", "referee", "reference", "sponsor", "speaker",
     "session", "workshop", "domain", "device", "street", "city", "country", "town", "class",
     "programme", "program", "unit", "agency", "firm", "club", "church", "shop", "store",
     "hotel", "colleague", "friend", "teacher", "tutor", "mentor", "coach", "doctor",
     "assistant", "entreprise", "empresa", "azienda", "société", "societe", "usuario",
     "usuário", "utilisateur", "utente", "benutzer", "gebruiker", "pengguna", "perusahaan",
     "instansi", "sekolah", "firma", "unternehmen", "bedrijf", "organisatie", "företag")
)  # fmt: skip
JOINING_WORDS = frozenset(("and", "&", "+", "/", "e", "et", "y", "und", "en", "dan", "och", "i"))
# An account name: the name only when a row gives no other (Zoom webinar reports carry both
# "User Name (Original Name)" and the registration's first and last name).
ACCOUNT_NAME_COLUMNS = (
    "user name (original name)",
    "user name",
    "username",
    "nombre de usuario",
    "nome de usuário",
    "nom d'utilisateur",
    "benutzername",
    "nome utente",
    "gebruikersnaam",
)
EMAIL_COLUMNS = (
    "email",
    "email address",
    "e-mail",
    "e-mail address",
    "mail",
    "user email",
    "attendee email",
    "participant email",
    "registrant email",
    "guest email",
    "ticket email",
    "registration email",
    # Zoom's participant reports and Teams' attendance reports in other languages.
    "e-mail del usuario",  # Zoom, Spanish (older wording, beside "Hora para unirse")
    "correo electrónico",
    "correo electronico",
    "correo",
    "adresse e-mail de l'utilisateur",  # Zoom, French
    "adresse e-mail",
    "adresse électronique",
    "courriel",
    "e-mail-adresse",  # German
    "email dell'utente",  # Zoom, Italian
    "e-mail dell'utente",
    "indirizzo email",
    "indirizzo e-mail",
    "endereço de e-mail",  # Portuguese
    "endereço de email",
    "e-mailadres",  # Dutch (registration forms)
    "alamat email",  # Indonesian
    "e-post",  # Swedish, Norwegian
    "adres e-mail",  # Polish (Teams)
    "e-postadress",
    "ユーザーメール",  # Zoom, Japanese
)
# Columns of a meeting's summary line (Zoom's report preamble), never of an attendee table.
SUMMARY_COLUMNS = (
    "meeting id",
    "webinar id",
    "id de reunión",
    "id da reunião",
    "id de réunion",
    "meeting-id",
    "id riunione",
    "vergadering-id",  # unverified
)
# The title of the section of a Zoom webinar report that lists the host ("Host Details", then
# its own header and the host's row): that row is the host's. Panelists ("Panelist Details")
# are no hosts: Zoom assigns them to webinar breakout rooms like attendees. Only the English
# title is known from a published report.
HOST_SECTIONS = frozenset(("host details",))
# Columns that name the meeting's host, not a participant: "Host name" and "Host email" on
# every row of Zoom's newer report of a date range ("Topic,Type,ID,Host name,Host email,…");
# above a table, on the meeting's summary line, also "Host" (Zoom's newer participant report,
# "Sam Host (sam@x.org)") and "User Name" (the older one).
HOST_NAME_KEYS = frozenset(("host name",))
HOST_EMAIL_KEYS = frozenset(("host email", "host e mail"))
SUMMARY_HOST_KEYS = HOST_NAME_KEYS | {"host", "user name"}
# Teams' per-event reports: one row per Joined and Left. A row that says the person left is
# no attendee of its own ("Left" in English, "Saiu" in Portuguese, as Teams writes them; the
# other languages' words are unverified). The older meeting report says "User Action"; the
# attendee report of a live event says "Action" (SessionId, ParticipantId, FullName,
# UserAgent, UtcEventTimestamp, Action, Role).
ACTION_COLUMNS = (
    "user action",
    "action",
    "atividade",  # Teams, Portuguese: "Ingressou", "Saiu"
    "acción del usuario",  # unverified (no Spanish per-event report found)
    "action de l'utilisateur",  # unverified
    "benutzeraktion",  # unverified
    "azione utente",  # unverified
    "gebruikersactie",  # unverified
)
LEAVE_ACTIONS = frozenset(
    ("left", "saiu", "salió", "a quitté", "quitté", "verlassen", "uscito", "vertrokken")
)
# Columns that say a row is one join (or one join or leave) rather than one person: the same
# person again rejoined (Zoom's "Join Time", Teams' "First Join", the per-event reports'
# actions), in English and as localized.
JOIN_COLUMNS = (
    "join time",
    "first join",
    *ACTION_COLUMNS,
    "hora de entrada",  # Zoom, Spanish
    "hora para unirse",  # Zoom, Spanish, older wording
    "ingressar na hora",  # Zoom, Portuguese
    "heure d'arrivée",  # Zoom, French ("Heure d’arrivée")
    "ora di ingresso",  # Zoom, Italian
    "beitrittszeit",  # Zoom, German
    "参加時刻",  # Zoom, Japanese
    "erster beitritt",  # Teams, German (a public parser of Teams and Zoom reports)
    "pierwsze dołączenie",  # Teams, Polish (the participants section)
    "godzina dołączenia",  # Teams, Polish (the in-meeting activities section: one a join)
    "arrival time",  # the Google Meet Attendance extension
    # Zoom's newer participant report, "Name (original name),Email,Total duration (minutes),
    # Guest": a row a person with "Show unique users", else a row a join (each rejoin again)
    "total duration (minutes)",
)
# The time of one join and of its leave, in a report with one row per join: two rows of one
# name whose times overlap are two people in the call at once (joins.py). Teams' participants
# section gives each row's first join and last leave: two rows of one name there in the call
# at once are two guests ("Sam Lee (Unverified)" twice), not one who joined twice.
JOIN_TIME_COLUMNS = (
    "join time", "hora de entrada", "hora para unirse", "ingressar na hora", "heure d'arrivée",
    "ora di ingresso", "beitrittszeit", "参加時刻", "first join",
    "pierwsze dołączenie", "godzina dołączenia",
)  # fmt: skip
LEAVE_TIME_COLUMNS = (
    "leave time", "hora de salida", "hora para salir", "hora de saída", "heure de départ",
    "ora di uscita", "verlassenszeit", "austrittszeit", "退出時刻", "last leave",
    "ostatnie wyjście", "godzina opuszczenia",
)  # fmt: skip

# A per-ticket id: rows of one email but two of these and two names are two people (an
# Eventbrite order of three tickets, each with its "Attendee #", all under the buyer's
# email; Tito's "Ticket Reference", ABCD-1, ABCD-2 for one order). Not an order's number.
TICKET_ID_COLUMNS = (
    "attendee #", "attendee id", "attendee number", "attendee no", "ticket reference",
    "ticket id", "ticket number", "ticket #", "ticket no", "barcode", "barcode #",
)  # fmt: skip
# Every email header holds one of these (a file's first line may name people by address).
EMAIL_WORDS = ("mail", "correo", "courriel", "e-post", "メール")
# Words that make an email header someone else's address ("Manager email", "Parent's
# email", "Billing email"): never read in place of an email column that holds no address.
OTHER_ADDRESSES = frozenset(
    ("manager", "supervisor", "emergency", "parent", "parents", "guardian", "partner",
     "spouse", "child", "referee", "reference", "sponsor", "teacher", "tutor", "mentor",
     "coach", "doctor", "assistant", "colleague", "friend", "company", "organisation",
     "organization", "business", "employer", "host", "speaker", "billing", "invoice",
     "finance", "booker", "buyer", "purchaser", "order", "cc")
)  # fmt: skip

# Registration states that say a registrant is not coming: Zoom's "Approval Status" (denied,
# cancelled), Eventbrite's "Attendee Status" ("Not Attending", refunded, deleted) and Tito's
# "Void Status". "Pending" and "waitlisted" stay: they may yet come. A host's own register
# says so under a plain "Status" or "Attendance": "Absent", "Excused", "Apologies" (sent
# ahead of a meeting, in British usage), "DNA" (did not attend, in the NHS), "No show".
STATUS_COLUMNS = (
    "approval status", "attendee status", "registration status", "void status", "status",
    "attendance", "attendance status", "order status",
)  # fmt: skip
# Zoom's participant report: "Yes" on a row of someone still in the waiting room (not yet
# admitted, or never); a later row of theirs says "No" once admitted.
WAITING_COLUMNS = ("in waiting room",)
NOT_COMING = frozenset(
    ("denied", "cancelled", "canceled", "rejected", "declined", "not attending", "refunded",
     "deleted", "void", "voided", "absent", "excused", "apologies", "apologies sent",
     "sent apologies", "did not attend", "dna", "no show", "no-show", "not attended")
)  # fmt: skip


def keys(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(header_key(name) for name in names)


NAME_KEYS, BARE_NAME_KEYS, ROLE_NAME_KEYS, FIRST_KEYS, LAST_KEYS = map(
    keys, (NAME_COLUMNS, BARE_NAME_COLUMNS, ROLE_NAME_COLUMNS, FIRST_NAME_COLUMNS,
           LAST_NAME_COLUMNS),
)  # fmt: skip
ACCOUNT_KEYS, EMAIL_KEYS, SUMMARY_KEYS, JOIN_KEYS, ACTION_KEYS = map(
    keys, (ACCOUNT_NAME_COLUMNS, EMAIL_COLUMNS, SUMMARY_COLUMNS, JOIN_COLUMNS, ACTION_COLUMNS)
)
STATUS_KEYS, TICKET_ID_KEYS = keys(STATUS_COLUMNS), keys(TICKET_ID_COLUMNS)
WAITING_KEYS = keys(WAITING_COLUMNS)
JOIN_TIME_KEYS, LEAVE_TIME_KEYS = keys(JOIN_TIME_COLUMNS), keys(LEAVE_TIME_COLUMNS)
# Every name header holds one of these: a quick no for the rows of a long file.
NAME_WORDS = (
    "name", "nom", "naam", "attendee", "participant", "partecipante", "teilnehmer",
    "deelnemer", "username", "usuário", "utente", "vorname", "prénom", "prenom",
    "cognome", "apellido", "apelido", "sobrenome", "achternaam", "nachname", "surname", "名前",
    "nama", "namn", "student", "member", "learner", "efternamn", "imię", "nazwisko",
)  # fmt: skip
