# Bulyst – bokmål. Planens innhold står slik det er skrevet; her er bare
# teksten i brukergrensesnittet.

## Felles

skip-to-main = Gå til hovedinnholdet
nav-label = Hovedmeny
nav-overview = Oversikt
nav-action-plan = Handlingsplan
nav-timeline = Tidslinje
nav-organisation = Organisasjon
nav-municipalities = Kommuner
nav-changes = Endringer
nav-audit = Revisjonslogg
language-label = Velg språk
login = Logg inn
logout = Logg ut
signed-in-as = Innlogget som { $email } ({ $role })
footer-source = Kilde: { $owner }, «{ $title }» ({ $year })
footer-about = Bulyst – plattform for inkludering og bosetting
date-long = { $day }. { $month } { $year }
month-year = { $month } { $year }
date-range = { $from } – { $to }
not-given = ikke oppgitt
not-registered = ikke registrert
none-option = (ingen)
all-option = Alle

## Feil i skjema

errors-heading = Dette må rettes før du kan lagre:

## Status, trafikklys og roller

status = Status
status-planned = planlagt
status-ongoing = i gang
status-done = ferdig
status-delayed = forsinket
status-cancelled = avlyst
status-none = ikke rapportert
light = Trafikklys
light-green = grønn
light-yellow = gul
light-red = rød
light-named = trafikklys { $light }
role-admin = administrator
role-project-leader = prosjektleder
role-steering-group = styringsgruppe
role-work-group = arbeidsgruppe
role-municipal-contact = kommunal kontaktperson
role-reader = leser
role-mentor-coordinator = mentorkoordinator
role-newcomer-staff = ansatt i tilflyttertjenesten

## Måneder

month-1 = januar
month-2 = februar
month-3 = mars
month-4 = april
month-5 = mai
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = desember
month-short-1 = jan.
month-short-2 = feb.
month-short-3 = mars
month-short-4 = apr.
month-short-5 = mai
month-short-6 = juni
month-short-7 = juli
month-short-8 = aug.
month-short-9 = sep.
month-short-10 = okt.
month-short-11 = nov.
month-short-12 = des.

## Kolonner i handlingsplanen

col-work-package = Arbeidspakke
col-how = Hvordan – tiltak
col-participants = Deltakere
col-when = Når
col-comment = Kommentar
col-responsible = Ansvarlig
col-status = Status
col-item = Punkt i handlingsplanen
col-start = Start
col-end = Slutt

## Oversikt

main-goal = Hovedmål
about-heading = Om programmet
other-documents = Andre dokumenter i planverket
municipalities-in-programme = Kommunene i programmet
facts-heading = Fakta om regionen
fact-source = Kilde: { $source }
progress-heading = Fremdrift i korte trekk
progress-intro = Status for punktene i handlingsplanen, per arbeidspakke.
progress-items =
    { $count ->
        [one] { $count } punkt i handlingsplanen
       *[other] { $count } punkter i handlingsplanen
    }
goal = Mål

## Arbeidspakke

work-package = Arbeidspakke
description = Beskrivelse
strategies = Strategier
measures = Tiltak
actions-heading = Handlingsplan
actions-caption = Punktene i handlingsplanen for { $name }
no-actions = Ingen punkter i handlingsplanen.
work-group-heading = Arbeidsgruppe
lead = Leder
work-group = Arbeidsgruppen
no-work-group = Denne arbeidspakken har ingen egen arbeidsgruppe.

## Handlingsplan og filter

filter-heading = Filtrer handlingsplanen
filter-work-package = Arbeidspakke
filter-responsible = Ansvarlig inneholder
filter-status = Status
filter-from = Fra måned
filter-to = Til måned
filter-month-hint = Måned som ÅÅÅÅ-MM, for eksempel 2020-09
filter-submit = Filtrer
filter-reset = Vis alle
filter-count = Viser { $shown } av { $total } punkter
action-plan-caption = { $title }, gruppert etter arbeidspakke
no-matches = Ingen punkter i handlingsplanen passer med filteret.
see-timeline = Se de samme punktene på tidslinjen
see-table = Se de samme punktene i handlingsplanen
new-action-link = Legg til et punkt i handlingsplanen

## Tidslinje

timeline-title = Tidslinje
timeline-svg-title = Tidslinje for handlingsplanen
timeline-svg-desc = { $count } punkter med tidfesting, fra { $from } til { $to }. De samme opplysningene står i tabellen under.
timeline-table-caption = Punktene på tidslinjen
timeline-legend = Forklaring
undated-heading = Uten tidfesting
undated-intro = Disse punktene har en «når»-tekst som ikke kan leses som et tidsrom.
no-dated = Ingen av punktene har tidfesting.

## Punkt i handlingsplanen

item-details = Om punktet
measure = Tiltak
period = Tidsrom
no-period = Teksten kan ikke leses som et tidsrom.
current-status = Nåværende status
no-status = Ingen har rapportert status ennå.
history-heading = Statushistorikk
history-caption = Statusoppdateringer, nyeste først
no-history = Ingen statusoppdateringer ennå.
col-reported-on = Dato
col-text = Kommentar
col-author = Rapportert av
report-heading = Ny statusoppdatering
field-status = Status
field-light = Trafikklys
field-text = Hva har skjedd?
field-text-hint = Skriv kort hva som er gjort, og hva som gjenstår.
field-reported-on = Dato for rapporten
report-submit = Lagre statusoppdateringen
edit-heading = Endre punktet
edit-submit = Lagre endringene
field-work-package = Arbeidspakke
field-measure = Tiltak
field-how = Hvordan – tiltak
field-participants = Deltakere
field-when = Når
field-when-hint = Skriv som i planen, for eksempel «Sep.20 – mai 21» eller «Høsten 2020».
field-comment = Kommentar
field-responsible = Ansvarlig

## Nytt punkt

new-action-title = Nytt punkt i handlingsplanen
field-id = Kortnavn (ID)
field-id-hint = Blir en del av adressen: små bokstaver, tall og bindestrek, for eksempel mentorprogram-2022.
new-action-submit = Opprett punktet

## Tiltak

measure-actions = Punkter i handlingsplanen som gjennomfører tiltaket
measure-no-actions = Ingen punkter i handlingsplanen gjennomfører dette tiltaket ennå.
measure-edit-heading = Endre tiltaket
field-title = Tittel
measure-submit = Lagre tiltaket

## Organisasjon

org-chart-heading = Organisasjonskart
org-chart-label = Organisasjonskart for { $name }
mandate = Mandat
participants = Deltakere
meetings-heading = Møter i styringsgruppen
meetings-intro = Styringsgruppen møtes i disse månedene:
person = Person
see-work-package = Arbeidspakke: { $name }

## Kommuner

municipalities-title = Kommunene
municipalities-caption = Kommunene i { $name } med kontaktperson
col-number = Kommunenummer
col-municipality = Kommune
col-contact = Kontaktperson
col-email = E-post
contact-edit-heading = Endre kontaktperson for { $name }
field-name = Navn
field-email = E-post
contact-submit = Lagre kontaktpersonen

## Endringer

changes-title = Endringer siden { $date }
changes-since = Vis endringer siden
changes-submit = Vis endringene
changes-meetings = Siden et styringsgruppemøte
changes-since-meeting = Siden møtet i { $month }
updates-heading = Statusoppdateringer
updates-caption = Statusoppdateringer i { $name }
edits-heading = Endringer i planen
edits-caption = Endringer i tiltak og punkter i handlingsplanen
col-when-changed = Tidspunkt
col-who = Hvem
col-what = Hva
col-operation = Endring
changes-empty = Ingen endringer siden { $date }.
op-create = opprettet
op-update = endret
op-delete = slettet
op-import = importert
op-set-password = nytt passord
entity-action = punkt i handlingsplanen
entity-measure = tiltak
entity-user = bruker
entity-plan = plan
entity-municipality-contact = kontaktperson
entity-status-update = statusoppdatering
other-work-package = Annet

## Innlogging

login-title = Logg inn
field-password = Passord
login-submit = Logg inn
login-intro = Logg inn for å rapportere status eller endre planen. Alle kan lese planen uten å logge inn.
login-wait = For mange mislykkede innlogginger. Vent { $count } { $count ->
        [one] sekund
       *[other] sekunder
    } og prøv igjen.
login-busy = Mange logger inn akkurat nå. Prøv igjen om { $count } { $count ->
        [one] sekund
       *[other] sekunder
    }.
error-title-503 = Serveren er opptatt

## Revisjonslogg

audit-title = Revisjonslogg
audit-caption = Revisjonslogg, side { $page }
col-time = Tid
col-actor = Hvem
col-entity = Type
col-id = ID
col-before = Før
col-after = Etter
show-json = Vis JSON
audit-empty = Revisjonsloggen er tom.
previous-page = Forrige side
next-page = Neste side
pagination-label = Sider i revisjonsloggen

## Feil

error-status = Feilkode { $status }
go-home = Gå til oversikten

## Indikatorer

nav-indicators = Indikatorer
ind-title = Indikatorer
ind-intro = Hvordan det går med det Sogn for alle skal oppnå: de siste tallene for Sogn, Vestland og hele landet, med utvikling, mål og kilde.
ind-caption = Indikatorer med de siste tallene
col-indicator = Indikator
area-sogn = Sogn
area-vestland = Vestland
area-norway = Norge
ind-col-trend = Utvikling i Sogn
ind-col-target = Mål
ind-no-data = Ingen tall
ind-no-trend = Ingen tidsserie
ind-needs-fetch = Tallene må hentes fra SSB:
ind-value-period = { $value } ({ $period })
ind-trend-label = Utvikling i Sogn fra { $from } til { $to }: fra { $first } til { $last }
ind-target-text = { $value } i { $year } ({ $name })
ind-parts = { $value } ({ $numerator } av { $denominator })
ind-uncertain-note = * Usikkert tall: færre enn 20 personer bak en andel, eller færre enn 5 personer.
ind-eyebrow = Indikator
ind-unit = Enhet
ind-nature = Type
nature-stock = Beholdning: antallet på et bestemt tidspunkt
nature-flow = Strøm: antallet i løpet av en periode
unit-persons = personer
unit-percent = prosent
unit-per-thousand = per 1 000 innbyggere
ind-no-values = Det finnes ingen tall for denne indikatoren i Bulyst ennå.
ind-fetch-how = Tallene kan ikke leveres med Bulyst og må hentes direkte fra SSB. Kjør:
ind-col-period = Periode
ind-col-category = Kategori
ind-split-heading = Fordeling
ind-split-caption = { $name }, fordelt, { $period }
ind-baselines-heading = Utgangspunkt
ind-baseline-source = kilde: { $source }
ind-targets-heading = Mål
ind-targets-none = Ingen mål er satt for denne indikatoren ennå.
ind-targets-caption = Mål for { $name }
ind-target-form-heading = Sett et mål
ind-target-submit = Lagre målet
field-area = Område
field-year = År
field-value = Verdi
field-value-hint = Tallet i indikatorens enhet ({ $unit }), for eksempel 12,5.
field-note = Merknad
ind-measures-heading = Tiltak som skal påvirke indikatoren
ind-measures-none = Ingen tiltak i planen er knyttet til denne indikatoren.
ind-export-heading = Last ned tallene
ind-export-csv = Last ned som CSV
ind-export-xlsx = Last ned som Excel (XLSX)
measure-indicators = Indikatorer dette tiltaket skal påvirke
measure-no-indicators = Ingen indikatorer er knyttet til dette tiltaket.
stat-missing = mangler
stat-suppressed = skjermet
stat-not-applicable = finnes ikke
stat-nil = ingenting å registrere
stat-with-code = { $label } ({ $code })
stat-source = Kilde: { $publisher }, tabell { $table }, { $period }, hentet { $retrieved }
stat-source-updated = Kilde: { $publisher }, tabell { $table }, { $period }, hentet { $retrieved }, oppdatert { $updated }
chart-heading = Utvikling over tid
chart-title = { $name } i Sogn, Vestland og Norge
chart-title-sogn = { $name } i Sogn
chart-bars-title = { $name }: Sogn og Norge, { $period }
chart-series = { $name }: { $last } i { $to }, fra { $first } i { $from }.
chart-series-one = { $name }: { $last } i { $to }.
chart-series-none = { $name }: ingen tall.
chart-gaps = Tall som mangler eller er skjermet, er hull i linjen, ikke null.
chart-axis-period = År
chart-table-caption = Tallene bak diagrammet: { $name }
chart-hollow-note = Linjene skiller seg med strek og markør: Sogn hel strek og sirkel, Vestland stiplet og firkant, Norge prikket og trekant. En hul markør er et usikkert tall. De samme tallene står i tabellen.
map-heading = Kommunene i Vestland, { $period }
map-title = { $name } per kommune i Vestland, { $period }
map-desc = Kommunene i Vestland farget etter verdi i opptil fem klasser, lys til mørk; kommuner uten tall er skravert. De sju kommunene i Sogn har tykk, dobbel kant. Hver kommune lenker til raden sin i tabellen.
map-sogn-note = De sju kommunene i Sogn har tykk, dobbel kant på kartet og er merket «(Sogn)» i tabellen. Velg en kommune på kartet for å gå til raden i tabellen.
map-sogn-legend = Kommune i Sogn
map-legend = Forklaring
map-no-data = Ingen tall
map-class = { $from } – { $to }
map-table-caption = { $name } per kommune, { $period }
map-in-sogn = (Sogn)
indicator-population = Folketall
indicator-population-definition = Antall innbyggere 1. januar, fra SSB-tabell 07459 (alle kjønn og aldre summert). For Sogn er det summen av de sju kommunene.
indicator-immigrant-share = Innvandrerandel
indicator-immigrant-share-definition = Innvandrere (innvandringskategori B, alle landbakgrunner) i prosent av folketallet 1. januar: antallet fra SSB-tabell 09817 delt på folketallet fra tabell 07459. For Sogn er det summen av innvandrere delt på summen av folketall i de sju kommunene, ikke et snitt av prosenter.
indicator-immigrants-by-country = Innvandrere etter landbakgrunn
indicator-immigrants-by-country-definition = Innvandrere (innvandringskategori B) etter landbakgrunn, i prosent av alle innvandrere i området, sammenlignet med hele landet. Fra SSB-tabell 09817. Samlegrupper er tatt bort, og land med færre enn 5 personer er slått sammen til «andre».
indicator-immigrants-by-reason = Innvandrere etter innvandringsgrunn
indicator-immigrants-by-reason-definition = Andel av innvandrerne etter grunn til innvandring: arbeid, familie, flukt (flyktninger og familien deres), utdanning og annet eller uoppgitt. Gjelder bare førstegangsinnvandrere med ikke-nordisk statsborgerskap som kom etter 1989; det er de som er nevneren, ikke alle innvandrere. Fra IMDi (befolkning etter innvandringsgrunn), kontrollert mot SSB.
indicator-migration = Inn- og utflytting
indicator-migration-definition = Innflytting og utflytting i løpet av året per 1 000 innbyggere: antall flyttinger delt på folketallet 1. januar, ganger 1 000. Fra SSB-tabell 06913 (årlig) og 01222 (kvartal).
indicator-employment-immigrants = Sysselsatte innvandrere
indicator-employment-immigrants-definition = Andel sysselsatte blant innvandrere 15–74 år som bor i området, 4. kvartal, fra SSB-tabell 11607. For Sogn vektet med antall personer, ikke et snitt av prosenter. Tall kan være skjermet («:») i små kommuner som Aurland, Lærdal og Vik.
indicator-refugees-settled-here = Flyktninger som ble bosatt her
indicator-refugees-settled-here-definition = En beholdning, ikke en andel som blir værende: av innbyggerne med flyktningbakgrunn som bor i området nå, andelen som først ble bosatt i området (ikke flyttet hit senere). De som har flyttet ut, er ikke med, så tallet sier ikke hvor mange som blir boende. Teller og nevner er vist, også for dem med 5 år eller mer i Norge. Fra IMDi (flyktninger etter botid og sekundærflytting).

## The mentor programme
nav-mentoring = Mentorprogrammet
nav-mentoring-me = Min mentorside
mentoring-title = Mentorprogrammet
mentoring-intro = Mentorer og mentees med samtykke, forslaget til par med begrunnelse, hvem som står uten par og hvorfor, og hvordan det går med parene. Bare koordinatoren ser personene.
mentoring-figures = Resultater
mentor-ind-started = Par som har startet
mentor-ind-completed = Par som er fullført
mentor-ind-ended-early = Par som sluttet før tiden
mentor-ind-meetings = Møter holdt
mentor-ind-work-6 = I arbeid eller utdanning 6 måneder etter
mentor-ind-work-12 = I arbeid eller utdanning 12 måneder etter
mentor-share-of = { $numerator } av { $denominator } med oppfølging registrert, { $count } mangler
mentor-share-none = ikke registrert ({ $count } oppfølginger mangler)
mentoring-pairs = Forslag og par
mentoring-run = Kjør matchingen
mentoring-run-hint = Matchingen finner de parene som gir høyest samlet poengsum innenfor reglene. Låste par og par som noen har sagt ja til, blir stående.
mentoring-no-pairs = Ingen par ennå. Kjør matchingen for å få et forslag.
mentoring-pairs-caption = Forslag og par, med poeng og begrunnelse
mentoring-locked = låst
mentoring-lock = Lås { $from } og { $to }
mentoring-unlock = Lås opp { $from } og { $to }
mentoring-exclude = Forby { $from } og { $to }
mentoring-lift = Opphev forbudet mot { $from } og { $to }
mentoring-excluded = Forbudte par
mentoring-left = Uten par
mentoring-left-none = Alle med samtykke har et par i forslaget.
mentoring-left-caption = Hvem som står uten par, og hvorfor
mentoring-mentors = Mentorer
mentoring-mentees = Mentees
mentoring-nobody = Ingen registrert.
mentoring-add-profile = Legg til en mentor eller mentee
mentoring-back = Tilbake til mentorprogrammet
col-mentor = Mentor
col-mentee = Mentee
col-score = Poeng
col-why = Hvorfor
col-actions = Handlinger
col-name = Navn
col-side = Rolle
col-languages = Språk
col-occupation = Yrke
col-capacity = Kapasitet
col-consent = Samtykke
mentor-side-mentor = mentor
mentor-side-mentee = mentee
mentor-consent-given = gitt { $date } (tekst { $code })
mentor-consent-missing = mangler: blir ikke matchet
level-a1 = A1
level-a2 = A2
level-b1 = B1
level-b2 = B2
level-c1 = C1
level-c2 = C2
level-native = morsmål
level-not-assessed = ikke vurdert
criterion-same-municipality = samme kommune
criterion-shared-language-above-minimum = felles språk over minstenivået
criterion-same-occupation = samme yrke
criterion-same-industry = samme bransje
criterion-shared-interests = felles interesser
criterion-overlapping-availability = tid som passer begge
unmatched-no-consent = mangler samtykke
unmatched-no-capacity = har ikke kapasitet
unmatched-no-mentor-nearby = ingen mentor i samme eller nabokommune
unmatched-no-mentee-nearby = ingen mentee i samme eller nabokommune
unmatched-no-shared-language = ingen felles språk på minstenivået
unmatched-excluded = forbudt av koordinatoren
unmatched-mentors-full = alle mulige mentorer er fulle
unmatched-mentees-elsewhere = alle mulige mentees har fått en annen mentor
mentor-profile-new-title = Ny mentor eller mentee
mentor-profile-intro = Registrer bare det matchingen trenger. Uten samtykke blir ingen matchet.
mentor-profile-create = Registrer
mentor-profile-save = Lagre endringene
mentor-profile-delete-heading = Slett profilen
mentor-profile-delete-hint = Profilen, parene og alt som er registrert om dem, blir slettet for godt.
mentor-profile-delete = Slett profilen
field-side = Rolle i programmet
field-choose = Velg …
field-municipality = Kommune
field-languages = Språk og nivå
field-languages-hint = Skill med komma, f.eks. «norsk B1, engelsk C1». Nivå: A1–C2 eller «native».
field-occupation = Yrke (eller yrket mentee vil inn i)
field-industry = Bransje
field-goals = Mål
field-interests = Interesser
field-availability = Når kan personen møtes
field-list-hint = Skill med komma.
field-capacity = Kapasitet (bare mentorer)
field-capacity-hint = Hvor mange mentees mentoren kan ha, 1 til 10.
field-consent-given-on = Samtykke gitt
field-consent-hint = Dagen personen samtykket. Tomt: ikke samtykket.
field-consent-text-version = Versjon av samtykketeksten
field-account-id = Kontonummeret til personen
field-account-id-hint = Valgfritt: kontoen som kan se, rette og slette profilen selv (tallet «bulyst user add» skrev ut).
mentor-pair-title = { $from } og { $to }
pair-status-proposed = foreslått
pair-status-accepted = godtatt
pair-status-active = aktivt
pair-status-completed = fullført
pair-status-ended-early = avsluttet før tiden
mentor-accepted-mentor = Mentor sa ja
mentor-accepted-mentee = Mentee sa ja
mentor-started-on = Startet
mentor-ended-on = Avsluttet
mentor-end-reason = Hvorfor det sluttet
mentor-accept-as-mentor = Godta som mentor
mentor-accept-as-mentee = Godta som mentee
mentor-start = Start paret
mentor-complete = Marker som fullført
mentor-meetings = Møter
mentor-meetings-caption = Møter i paret
mentor-meetings-none = Ingen møter registrert.
mentor-meeting-submit = Registrer møtet
mentor-check-ins = Underveissamtaler
mentor-check-ins-none = Ingen underveis- eller sluttsamtale registrert.
mentor-check-in-submit = Registrer samtalen
mentor-outcomes = Oppfølging av mentee
mentor-outcomes-none = Ingen oppfølging registrert.
mentor-outcome-submit = Registrer oppfølgingen
mentor-end-heading = Avslutt paret før tiden
mentor-end-submit = Avslutt paret
field-end-reason = Hvorfor
field-held-on = Dato
field-minutes = Minutter
field-check-in-kind = Hvilken samtale
check-in-midway = midtveis
check-in-final = avsluttende
field-follow-up = Når
follow-up-end = ved slutt
follow-up-6-months = etter 6 måneder
follow-up-12-months = etter 12 måneder
field-recorded-on = Registrert dato
field-in-work = I arbeid
field-in-education = I utdanning
field-qualifications-approved = Kvalifikasjoner godkjent
field-in-region = Bor fortsatt i regionen
field-norwegian-level = Norsknivå
answer-yes = ja
answer-no = nei
mentoring-me-title = Min mentorside
mentoring-me-intro = Her ser du det programmet har registrert om deg, og parene dine. Du kan rette og slette profilen din.
mentoring-me-none = Ingen mentorprofil er knyttet til kontoen din.
mentoring-me-profiles = Profilen min
mentoring-me-pairs = Parene mine
op-read = lesing
op-set = satt
entity-mentoring = mentorprogrammet
entity-mentoring-profile = mentorprofil
entity-mentoring-pair = mentorpar
mentoring-cohorts-link = Arbeidsplassmentorer: kull hos arbeidsgivere
cohorts-title = Kull av arbeidsplassmentorer
cohorts-intro = Ansatte som tar imot nye kolleger, lært opp i samlinger sammen med arbeidsgiveren sin.
cohorts-none = Ingen kull registrert.
cohorts-caption = Kull, med arbeidsgiver og oppstart
cohorts-back = Tilbake til kullene
col-cohort = Kull
col-employer = Arbeidsgiver
col-starts = Oppstart
col-attended = Møtte
cohort-new = Nytt kull
cohort-create = Registrer kullet
field-employer = Arbeidsgiver
field-cohort-name = Navn på kullet
field-starts-on = Oppstart
field-theme = Tema
cohort-mentors = Mentorer i kullet
cohort-add-mentor = Legg til mentoren
cohort-remove-mentor = Fjern { $name }
cohort-sessions = Samlinger
cohort-sessions-none = Ingen samlinger registrert.
cohort-sessions-caption = Samlinger, med hvor mange som møtte
cohort-attendance-of = Hvem møtte { $date }: { $title }
cohort-save-attendance = Lagre oppmøtet
cohort-add-session = Legg til samlingen
cohort-evaluations = Evaluering
cohort-evaluations-none = Ingen evaluering registrert.
cohort-add-evaluation = Registrer evalueringen
evaluation-whole-cohort = hele kullet
field-evaluated = Hva som evalueres
field-score = Karakter
field-score-hint = 1 (dårlig) til 5 (svært bra).
score-none = ingen karakter
field-evaluation = Evaluering
mentoring-rules-link = Regler for matchingen
mentoring-rules-title = Regler for matchingen
mentoring-rules-intro = Harde krav avgjør hvem som kan bli et par; poengene avgjør hvilke par som er best. Endringene gjelder neste gang matchingen kjøres.
mentoring-rules-save = Lagre reglene
field-min-level = Minstenivå i et felles språk
field-min-level-hint = Mentor og mentee må dele et språk på minst dette nivået.
field-neighbours = Nabokommuner
field-neighbours-hint = Par av kommunenummer som regnes som nær hverandre, skilt med komma, f.eks. «4640-4644, 4641-4642». Tomt: bare samme kommune.
field-weight = Poeng for { $name }
mentoring-figures-only = Resultatene til mentorprogrammet, talt fra parene og oppfølgingene. Personene ser bare koordinatoren.

## The newcomer service
nav-newcomers = Tilflyttertjenesten
nav-welcome = Ny i Sogn?
welcome-link = Velkomstsider for nye innbyggere
welcome-other-languages = Andre språk
newcomers-title = Tilflyttertjenesten
newcomers-intro = Sakene du følger: nye innbyggere og husstander, veien deres inn og om de blir boende.
newcomers-none = Ingen saker du kan se.
newcomers-caption = Saker i kommunene dine
newcomers-back = Tilbake til tilflyttertjenesten
newcomer-new-title = Ny sak
newcomer-new-intro = Skriv bare ned det tjenesten trenger. Spør om samtykke før opplysningene brukes.
newcomer-create = Opprett saken
newcomer-me-title = Saken min
newcomer-me-intro = Dette er alt tilflyttertjenesten har skrevet om deg. Du kan rette, laste ned og slette det.
newcomer-me-none = Ingen sak i tilflyttertjenesten er knyttet til kontoen din.
field-phone = Telefon
field-arrival-date = Kom til kommunen
field-category = Hvorfor personen kom
field-household = Husstanden
field-household-hint = Hvem som bor sammen med personen, med fødselsår, skilt med komma, f.eks. «partner 1985, child 2016». Ord: partner, child, parent, other.
field-spoken-languages = Språk
field-needs = Trenger hjelp med
category-labour = arbeid
category-refugee = flukt
category-family = familie
category-student = utdanning
category-returning = flytter hjem igjen
need-job = jobb
need-partner-job = jobb til partneren
need-housing = bolig
need-school = skole
need-kindergarten = barnehage
need-norwegian-course = norskkurs
need-leisure = fritid og lag
relation-partner = partner
relation-child = barn
relation-parent = forelder
relation-other = annet
newcomer-steps = Veien inn
newcomer-steps-none = Ingen steg registrert.
newcomer-step-submit = Registrer steget
field-step = Steg
field-done-on = Dato
step-first-contact = første kontakt
step-job = jobb
step-housing = bolig
step-welcome-meeting = velkomstmøte
step-clubs-and-volunteers = koblet til lag og frivillige
newcomer-follow-ups = Oppfølging
newcomer-due = Oppfølginger som er på tide:
newcomer-follow-ups-none = Ingen oppfølging registrert.
newcomer-follow-up-submit = Registrer oppfølgingen
follow-up-3-months = etter 3 måneder
follow-up-24-months = etter 24 måneder
follow-up-60-months = etter 60 måneder
field-residence = Hvor personen bor
residence-in-municipality = fortsatt i kommunen
residence-moved-within-region = flyttet innenfor regionen
residence-moved-away = flyttet ut av regionen
residence-unknown = ukjent
newcomer-consents = Samtykke og behandlingsgrunnlag
newcomer-consents-none = Ingenting registrert.
newcomer-consents-caption = Hva opplysningene brukes til, og på hvilket grunnlag
newcomer-consent-submit = Registrer grunnlaget
newcomer-withdrawn = Trukket tilbake
newcomer-withdraw = Trekk tilbake samtykket til { $name }
field-purpose = Formål
field-basis = Behandlingsgrunnlag
field-given-on = Dato
purpose-case-work = oppfølging av saken
purpose-follow-ups = kontakt for oppfølginger
purpose-clubs-and-volunteers = kontakt med lag og frivillige
purpose-rent-to-own = leie for å eie
basis-consent = samtykke
basis-contract = avtale
basis-legal-obligation = rettslig plikt
basis-public-task = offentlig oppgave
newcomer-rent-to-own = Leie for å eie
newcomer-rent-none = Ikke med i leie for å eie.
newcomer-rent-submit = Lagre leie for å eie
rent-phase = Fase
rent-purchase-year = Kjøpt år
phase-selected = valgt ut
phase-home-bought = bolig kjøpt av kommunen
phase-renting = leier og sparer
phase-purchased = kjøpt
phase-followed-up = fulgt opp
newcomer-correct = Rett opplysningene
newcomer-save = Lagre
newcomer-rights = Innsyn og sletting
newcomer-export = Last ned alle opplysningene (JSON)
newcomer-erase-hint = Sletting fjerner personen fra alle tabeller. Bare anonyme tall er igjen. Det kan ikke angres.
newcomer-erase = Slett alle opplysningene
newcomer-cohorts-title = Blir de boende?
newcomer-cohorts-intro = Andelen av dem som kom et år, som fortsatt bor i kommunen og i regionen 1, 2 og 5 år etter. De som ikke er fulgt opp så lenge ennå, teller med så langt de er fulgt (Kaplan–Meier), ikke som om de har flyttet.
newcomer-cohorts-public = Tall for grupper under 5 personer er skjermet.
newcomer-cohorts-none = Ingen kull å vise ennå.
newcomer-cohorts-caption = Kull etter år de kom
col-area = Område
col-arrival-year = Kom i
col-persons = Personer
col-stay-1-municipality = I kommunen etter 1 år
col-stay-1-region = I regionen etter 1 år
col-stay-2-municipality = I kommunen etter 2 år
col-stay-2-region = I regionen etter 2 år
col-stay-5-municipality = I kommunen etter 5 år
col-stay-5-region = I regionen etter 5 år
cohort-share = { $value } (av { $count } fulgt)
cohort-suppressed = skjermet
cohort-not-yet-known = ikke kjent ennå
field-newcomer-account-hint = Valgfritt: kontoen personen selv kan se, rette, laste ned og slette saken med (tallet «bulyst user add» skrev ut).
newcomer-recorded = Registrerte oppfølginger:
programme-figures = Programmets egne tall
programme-figures-signed-in = Tallene fra mentorprogrammet og tilflyttertjenesten ser du når du er logget inn med en rolle som følger dem. Hvor mange som blir boende i regionen, er åpent:
programme-source-mentoring = Kilde: Bulyst, mentorprogrammet, talt { $date }.
programme-source-newcomers = Kilde: Bulyst, tilflyttertjenesten, talt { $date }. Grupper under 5 personer er skjermet.
programme-stay-1 = Kom i { $year }: i regionen etter 1 år
programme-stay-2 = Kom i { $year }: i regionen etter 2 år
programme-stay-5 = Kom i { $year }: i regionen etter 5 år

## Roller og tillatelser (/roles)
roles-title = Roller og tillatelser
roles-intro = Alle kan lese planen. Her står hva hver rolle i tillegg kan gjøre, slik Bulyst avgjør det.
roles-col-role = Rolle
roles-col-may = Kan
roles-read-only = Lese den åpne planen
reach-all = overalt
reach-assigned = i egne arbeidspakker eller kommuner
reach-own = bare det som gjelder egen konto
permission-report-status = melde status
permission-edit-plan = endre planen
permission-set-targets = sette mål for indikatorene
permission-import-statistics = importere statistikk
permission-edit-municipality = endre kontaktperson for kommunen
permission-read-audit = lese endringsloggen
permission-manage-users = styre brukerkontoer
permission-manage-mentoring = drive mentorprogrammet
permission-own-mentoring-profile = se og endre mentorprofil
permission-read-mentoring-indicators = se tallene for mentorprogrammet
permission-register-newcomer = registrere tilflyttere
permission-list-newcomer-cases = arbeide med saker i tilflyttertjenesten
permission-handle-newcomer-case = behandle en sak i tilflyttertjenesten
permission-own-newcomer-case = se, rette, hente ut og slette egen sak
permission-read-newcomer-cohorts = se tilflytterkullene
