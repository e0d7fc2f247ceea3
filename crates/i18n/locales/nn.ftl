# Bulyst – nynorsk (hovudspråket). Innhaldet i planen står som det er skrive;
# her er berre teksten i brukargrensesnittet.

## Felles

skip-to-main = Gå til hovudinnhaldet
nav-label = Hovudmeny
nav-overview = Oversikt
nav-action-plan = Handlingsplan
nav-timeline = Tidslinje
nav-organisation = Organisasjon
nav-municipalities = Kommunar
nav-changes = Endringar
nav-audit = Revisjonslogg
language-label = Vel språk
login = Logg inn
logout = Logg ut
signed-in-as = Innlogga som { $email } ({ $role })
footer-source = Kjelde: { $owner }, «{ $title }» ({ $year })
footer-about = Bulyst – plattform for inkludering og busetjing
date-long = { $day }. { $month } { $year }
month-year = { $month } { $year }
date-range = { $from } – { $to }
not-given = ikkje oppgjeve
not-registered = ikkje registrert
none-option = (ingen)
all-option = Alle

## Feil i skjema

errors-heading = Dette må rettast før du kan lagre:

## Status, trafikklys og roller

status = Status
status-planned = planlagt
status-ongoing = i gang
status-done = ferdig
status-delayed = forseinka
status-cancelled = avlyst
status-none = ikkje rapportert
light = Trafikklys
light-green = grøn
light-yellow = gul
light-red = raud
light-named = trafikklys { $light }
role-admin = administrator
role-project-leader = prosjektleiar
role-steering-group = styringsgruppe
role-work-group = arbeidsgruppe
role-municipal-contact = kommunal kontaktperson
role-reader = lesar
role-mentor-coordinator = mentorkoordinator
role-newcomer-staff = tilsett i tilflyttartenesta

## Månader

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

## Kolonnar i handlingsplanen

col-work-package = Arbeidspakke
col-how = Korleis – tiltak
col-participants = Deltakarar
col-when = Når
col-comment = Kommentar
col-responsible = Ansvarleg
col-status = Status
col-item = Punkt i handlingsplanen
col-start = Start
col-end = Slutt

## Oversikt

main-goal = Hovudmål
about-heading = Om programmet
other-documents = Andre dokument i planverket
municipalities-in-programme = Kommunane i programmet
facts-heading = Fakta om regionen
fact-source = Kjelde: { $source }
progress-heading = Framdrift i korte trekk
progress-intro = Status for punkta i handlingsplanen, per arbeidspakke.
progress-items =
    { $count ->
        [one] { $count } punkt i handlingsplanen
       *[other] { $count } punkt i handlingsplanen
    }
goal = Mål

## Arbeidspakke

work-package = Arbeidspakke
description = Skildring
strategies = Strategiar
measures = Tiltak
actions-heading = Handlingsplan
actions-caption = Punkta i handlingsplanen for { $name }
no-actions = Ingen punkt i handlingsplanen.
work-group-heading = Arbeidsgruppe
lead = Leiar
work-group = Arbeidsgruppa
no-work-group = Denne arbeidspakka har inga eiga arbeidsgruppe.

## Handlingsplan og filter

filter-heading = Filtrer handlingsplanen
filter-work-package = Arbeidspakke
filter-responsible = Ansvarleg inneheld
filter-status = Status
filter-from = Frå månad
filter-to = Til månad
filter-month-hint = Månad som ÅÅÅÅ-MM, til dømes 2020-09
filter-submit = Filtrer
filter-reset = Vis alle
filter-count = Viser { $shown } av { $total } punkt
action-plan-caption = { $title }, gruppert etter arbeidspakke
no-matches = Ingen punkt i handlingsplanen passar med filteret.
see-timeline = Sjå dei same punkta på tidslinja
see-table = Sjå dei same punkta i handlingsplanen
new-action-link = Legg til eit punkt i handlingsplanen

## Tidslinje

timeline-title = Tidslinje
timeline-svg-title = Tidslinje for handlingsplanen
timeline-svg-desc = { $count } punkt med tidfesting, frå { $from } til { $to }. Dei same opplysningane står i tabellen under.
timeline-table-caption = Punkta på tidslinja
timeline-legend = Forklaring
undated-heading = Utan tidfesting
undated-intro = Desse punkta har ein «når»-tekst som ikkje kan lesast som eit tidsrom.
no-dated = Ingen av punkta har tidfesting.

## Punkt i handlingsplanen

item-details = Om punktet
measure = Tiltak
period = Tidsrom
no-period = Teksten kan ikkje lesast som eit tidsrom.
current-status = Noverande status
no-status = Ingen har rapportert status enno.
history-heading = Statushistorikk
history-caption = Statusoppdateringar, nyaste først
no-history = Ingen statusoppdateringar enno.
col-reported-on = Dato
col-text = Kommentar
col-author = Rapportert av
report-heading = Ny statusoppdatering
field-status = Status
field-light = Trafikklys
field-text = Kva har skjedd?
field-text-hint = Skriv kort kva som er gjort, og kva som står att.
field-reported-on = Dato for rapporten
report-submit = Lagre statusoppdateringa
edit-heading = Endre punktet
edit-submit = Lagre endringane
field-work-package = Arbeidspakke
field-measure = Tiltak
field-how = Korleis – tiltak
field-participants = Deltakarar
field-when = Når
field-when-hint = Skriv som i planen, til dømes «Sep.20 – mai 21» eller «Hausten 2020».
field-comment = Kommentar
field-responsible = Ansvarleg

## Nytt punkt

new-action-title = Nytt punkt i handlingsplanen
field-id = Kortnamn (ID)
field-id-hint = Blir del av adressa: små bokstavar, tal og bindestrek, til dømes mentorprogram-2022.
new-action-submit = Opprett punktet

## Tiltak

measure-actions = Punkt i handlingsplanen som gjennomfører tiltaket
measure-no-actions = Ingen punkt i handlingsplanen gjennomfører dette tiltaket enno.
measure-edit-heading = Endre tiltaket
field-title = Tittel
measure-submit = Lagre tiltaket

## Organisasjon

org-chart-heading = Organisasjonskart
org-chart-label = Organisasjonskart for { $name }
mandate = Mandat
participants = Deltakarar
meetings-heading = Møte i styringsgruppa
meetings-intro = Styringsgruppa møtest i desse månadene:
person = Person
see-work-package = Arbeidspakke: { $name }

## Kommunar

municipalities-title = Kommunane
municipalities-caption = Kommunane i { $name } med kontaktperson
col-number = Kommunenummer
col-municipality = Kommune
col-contact = Kontaktperson
col-email = E-post
contact-edit-heading = Endre kontaktperson for { $name }
field-name = Namn
field-email = E-post
contact-submit = Lagre kontaktpersonen

## Endringar

changes-title = Endringar sidan { $date }
changes-since = Vis endringar sidan
changes-submit = Vis endringane
changes-meetings = Sidan eit styringsgruppemøte
changes-since-meeting = Sidan møtet i { $month }
updates-heading = Statusoppdateringar
updates-caption = Statusoppdateringar i { $name }
edits-heading = Endringar i planen
edits-caption = Endringar i tiltak og punkt i handlingsplanen
col-when-changed = Tidspunkt
col-who = Kven
col-what = Kva
col-operation = Endring
changes-empty = Ingen endringar sidan { $date }.
op-create = oppretta
op-update = endra
op-delete = sletta
op-import = importert
op-set-password = nytt passord
entity-action = punkt i handlingsplanen
entity-measure = tiltak
entity-user = brukar
entity-plan = plan
entity-municipality-contact = kontaktperson
entity-status-update = statusoppdatering
other-work-package = Anna

## Innlogging

login-title = Logg inn
field-password = Passord
login-submit = Logg inn
login-intro = Logg inn for å rapportere status eller endre planen. Alle kan lese planen utan å logge inn.

## Revisjonslogg

audit-title = Revisjonslogg
audit-caption = Revisjonslogg, side { $page }
col-time = Tid
col-actor = Kven
col-entity = Type
col-id = ID
col-before = Før
col-after = Etter
show-json = Vis JSON
audit-empty = Revisjonsloggen er tom.
previous-page = Førre side
next-page = Neste side
pagination-label = Sider i revisjonsloggen

## Feil

error-status = Feilkode { $status }
go-home = Gå til oversikta

## Indikatorar

nav-indicators = Indikatorar
ind-title = Indikatorar
ind-intro = Korleis det går med det Sogn for alle skal oppnå: dei siste tala for Sogn, Vestland og heile landet, med utvikling, mål og kjelde.
ind-caption = Indikatorar med dei siste tala
col-indicator = Indikator
area-sogn = Sogn
area-vestland = Vestland
area-norway = Noreg
ind-col-trend = Utvikling i Sogn
ind-col-target = Mål
ind-no-data = Ingen tal
ind-no-trend = Ingen tidsserie
ind-needs-fetch = Tala må hentast frå SSB:
ind-value-period = { $value } ({ $period })
ind-trend-label = Utvikling i Sogn frå { $from } til { $to }: frå { $first } til { $last }
ind-target-text = { $value } i { $year } ({ $name })
ind-parts = { $value } ({ $numerator } av { $denominator })
ind-uncertain-note = * Usikkert tal: færre enn 20 personar bak ein del, eller færre enn 5 personar.
ind-eyebrow = Indikator
ind-unit = Eining
ind-nature = Slag
nature-stock = Behaldning: talet på eit bestemt tidspunkt
nature-flow = Straum: talet i løpet av ein periode
unit-persons = personar
unit-percent = prosent
unit-per-thousand = per 1 000 innbyggjarar
ind-no-values = Det finst ingen tal for denne indikatoren i Bulyst enno.
ind-fetch-how = Tala kan ikkje leverast med Bulyst og må hentast direkte frå SSB. Køyr:
ind-col-period = Periode
ind-col-category = Kategori
ind-split-heading = Fordeling
ind-split-caption = { $name }, fordelt, { $period }
ind-baselines-heading = Utgangspunkt
ind-baseline-source = kjelde: { $source }
ind-targets-heading = Mål
ind-targets-none = Ingen mål er sette for denne indikatoren enno.
ind-targets-caption = Mål for { $name }
ind-target-form-heading = Set eit mål
ind-target-submit = Lagre målet
field-area = Område
field-year = År
field-value = Verdi
field-value-hint = Talet i eininga til indikatoren ({ $unit }), til dømes 12,5.
field-note = Merknad
ind-measures-heading = Tiltak som skal påverke indikatoren
ind-measures-none = Ingen tiltak i planen er knytte til denne indikatoren.
ind-export-heading = Last ned tala
ind-export-csv = Last ned som CSV
ind-export-xlsx = Last ned som Excel (XLSX)
measure-indicators = Indikatorar dette tiltaket skal påverke
measure-no-indicators = Ingen indikatorar er knytte til dette tiltaket.
stat-missing = manglar
stat-suppressed = skjerma
stat-not-applicable = finst ikkje
stat-nil = ingenting å registrere
stat-with-code = { $label } ({ $code })
stat-source = Kjelde: { $publisher }, tabell { $table }, { $period }, henta { $retrieved }
stat-source-updated = Kjelde: { $publisher }, tabell { $table }, { $period }, henta { $retrieved }, oppdatert { $updated }
chart-heading = Utvikling over tid
chart-title = { $name } i Sogn, Vestland og Noreg
chart-title-sogn = { $name } i Sogn
chart-bars-title = { $name }: Sogn og Noreg, { $period }
chart-series = { $name }: { $last } i { $to }, frå { $first } i { $from }.
chart-series-one = { $name }: { $last } i { $to }.
chart-series-none = { $name }: ingen tal.
chart-gaps = Tal som manglar eller er skjerma, er hol i linja, ikkje null.
chart-axis-period = År
chart-table-caption = Tala bak diagrammet: { $name }
chart-hollow-note = Linjene skil seg med strek og markør: Sogn heil strek og sirkel, Vestland stipla og firkant, Noreg prikka og trekant. Ein hol markør er eit usikkert tal. Same tal står i tabellen.
map-heading = Kommunane i Vestland, { $period }
map-title = { $name } per kommune i Vestland, { $period }
map-desc = Kommunane i Vestland farga etter verdi i opptil fem klassar, lys til mørk; kommunar utan tal er skraverte. Dei sju kommunane i Sogn har tjukk, dobbel kant. Kvar kommune lenkjer til raden sin i tabellen.
map-sogn-note = Dei sju kommunane i Sogn har tjukk, dobbel kant på kartet og er merkte «(Sogn)» i tabellen. Vel ein kommune på kartet for å gå til raden hans i tabellen.
map-sogn-legend = Kommune i Sogn
map-legend = Forklaring
map-no-data = Ingen tal
map-class = { $from } – { $to }
map-table-caption = { $name } per kommune, { $period }
map-in-sogn = (Sogn)
indicator-population = Folketal
indicator-population-definition = Talet på innbyggjarar 1. januar, frå SSB-tabell 07459 (alle kjønn og aldrar summerte). For Sogn er det summen av dei sju kommunane.
indicator-immigrant-share = Innvandrardel
indicator-immigrant-share-definition = Innvandrarar (innvandringskategori B, alle landbakgrunnar) i prosent av folketalet 1. januar: talet frå SSB-tabell 09817 delt på folketalet frå tabell 07459. For Sogn er det summen av innvandrarar delt på summen av folketal i dei sju kommunane, ikkje eit snitt av prosentar.
indicator-immigrants-by-country = Innvandrarar etter landbakgrunn
indicator-immigrants-by-country-definition = Innvandrarar (innvandringskategori B) etter landbakgrunn, i prosent av alle innvandrarar i området, samanlikna med heile landet. Frå SSB-tabell 09817. Samlegrupper er tekne bort, og land med færre enn 5 personar er slegne saman til «andre».
indicator-immigrants-by-reason = Innvandrarar etter innvandringsgrunn
indicator-immigrants-by-reason-definition = Del av innvandrarane etter grunn til innvandring: arbeid, familie, flukt (flyktningar og familien deira), utdanning og anna eller uoppgitt. Gjeld berre førstegongsinnvandrarar med ikkje-nordisk statsborgarskap som kom etter 1989; det er dei som er nemnaren, ikkje alle innvandrarar. Frå IMDi (befolkning etter innvandringsgrunn), kontrollert mot SSB.
indicator-migration = Inn- og utflytting
indicator-migration-definition = Innflytting og utflytting i løpet av året per 1 000 innbyggjarar: talet på flyttingar delt på folketalet 1. januar, gonger 1 000. Frå SSB-tabell 06913 (årleg) og 01222 (kvartal).
indicator-employment-immigrants = Sysselsette innvandrarar
indicator-employment-immigrants-definition = Del sysselsette blant innvandrarar 15–74 år som bur i området, 4. kvartal, frå SSB-tabell 11607. For Sogn vega med talet på personar, ikkje eit snitt av prosentar. Tal kan vere skjerma («:») i små kommunar som Aurland, Lærdal og Vik.
indicator-refugees-settled-here = Flyktningar som vart busette her
indicator-refugees-settled-here-definition = Ein behaldning, ikkje ein del som blir verande: av innbyggjarane med flyktningbakgrunn som bur i området no, delen som først vart busette i området (ikkje flytta hit seinare). Dei som har flytta ut, er ikkje med, så talet seier ikkje kor mange som blir buande. Teljar og nemnar er viste, òg for dei med 5 år eller meir i Noreg. Frå IMDi (flyktningar etter botid og sekundærflytting).

## The mentor programme
nav-mentoring = Mentorprogrammet
nav-mentoring-me = Mi mentorside
mentoring-title = Mentorprogrammet
mentoring-intro = Mentorar og mentees med samtykke, forslaget til par med grunngjeving, kven som står utan par og kvifor, og korleis det går med para. Berre koordinatoren ser personane.
mentoring-figures = Resultat
mentor-ind-started = Par som har starta
mentor-ind-completed = Par som er fullførte
mentor-ind-ended-early = Par som slutta før tida
mentor-ind-meetings = Møte haldne
mentor-ind-work-6 = I arbeid eller utdanning 6 månader etter
mentor-ind-work-12 = I arbeid eller utdanning 12 månader etter
mentor-share-of = { $numerator } av { $denominator } med oppfølging registrert, { $count } manglar
mentor-share-none = ikkje registrert ({ $count } oppfølgingar manglar)
mentoring-pairs = Forslag og par
mentoring-run = Køyr matchinga
mentoring-run-hint = Matchinga finn dei para som gjev høgast samla poeng innanfor reglane. Låste par og par som nokon har sagt ja til, blir ståande.
mentoring-no-pairs = Ingen par enno. Køyr matchinga for å få eit forslag.
mentoring-pairs-caption = Forslag og par, med poeng og grunngjeving
mentoring-locked = låst
mentoring-lock = Lås { $from } og { $to }
mentoring-unlock = Lås opp { $from } og { $to }
mentoring-exclude = Forby { $from } og { $to }
mentoring-lift = Opphev forbodet mot { $from } og { $to }
mentoring-excluded = Forbodne par
mentoring-left = Utan par
mentoring-left-none = Alle med samtykke har eit par i forslaget.
mentoring-left-caption = Kven som står utan par, og kvifor
mentoring-mentors = Mentorar
mentoring-mentees = Mentees
mentoring-nobody = Ingen registrerte.
mentoring-add-profile = Legg til ein mentor eller mentee
mentoring-back = Tilbake til mentorprogrammet
col-mentor = Mentor
col-mentee = Mentee
col-score = Poeng
col-why = Kvifor
col-actions = Handlingar
col-name = Namn
col-side = Rolle
col-languages = Språk
col-occupation = Yrke
col-capacity = Kapasitet
col-consent = Samtykke
mentor-side-mentor = mentor
mentor-side-mentee = mentee
mentor-consent-given = gjeve { $date } (tekst { $code })
mentor-consent-missing = manglar: blir ikkje matcha
level-native = morsmål
level-not-assessed = ikkje vurdert
criterion-same-municipality = same kommune
criterion-shared-language = felles språk over minstenivået
criterion-same-occupation = same yrke
criterion-same-industry = same bransje
criterion-shared-interests = felles interesser
criterion-overlapping-availability = tid som passar begge
unmatched-no-consent = manglar samtykke
unmatched-no-capacity = har ikkje kapasitet
unmatched-no-mentor-nearby = ingen mentor i same eller nabokommune
unmatched-no-mentee-nearby = ingen mentee i same eller nabokommune
unmatched-no-shared-language = ingen felles språk på minstenivået
unmatched-excluded = forbode av koordinatoren
unmatched-mentors-full = alle moglege mentorar er fulle
unmatched-mentees-elsewhere = alle moglege mentees har fått ein annan mentor
mentor-profile-new-title = Ny mentor eller mentee
mentor-profile-intro = Registrer berre det matchinga treng. Utan samtykke blir ingen matcha.
mentor-profile-create = Registrer
mentor-profile-save = Lagre endringane
mentor-profile-delete-heading = Slett profilen
mentor-profile-delete-hint = Profilen, para og alt som er registrert om dei, blir sletta for godt.
mentor-profile-delete = Slett profilen
field-side = Rolle i programmet
field-choose = Vel …
field-municipality = Kommune
field-languages = Språk og nivå
field-languages-hint = Skil med komma, t.d. «norsk B1, engelsk C1». Nivå: A1–C2 eller «native».
field-occupation = Yrke (eller yrket mentee vil inn i)
field-industry = Bransje
field-goals = Mål
field-interests = Interesser
field-availability = Når kan personen møtast
field-list-hint = Skil med komma.
field-capacity = Kapasitet (berre mentorar)
field-capacity-hint = Kor mange mentees mentoren kan ha, 1 til 10.
field-consent-given-on = Samtykke gjeve
field-consent-hint = Dagen personen samtykte. Tomt: ikkje samtykt.
field-consent-text-version = Versjon av samtykketeksten
field-account-id = Kontonummer til personen
field-account-id-hint = Valfritt: kontoen som kan sjå, rette og slette profilen sjølv (talet «bulyst user add» skreiv ut).
mentor-pair-title = { $from } og { $to }
pair-status-proposed = foreslått
pair-status-accepted = godteke
pair-status-active = aktivt
pair-status-completed = fullført
pair-status-ended-early = avslutta før tida
mentor-accepted-mentor = Mentor sa ja
mentor-accepted-mentee = Mentee sa ja
mentor-started-on = Starta
mentor-ended-on = Avslutta
mentor-end-reason = Kvifor det slutta
mentor-accept-as-mentor = Godta som mentor
mentor-accept-as-mentee = Godta som mentee
mentor-start = Start paret
mentor-complete = Marker som fullført
mentor-meetings = Møte
mentor-meetings-caption = Møte i paret
mentor-meetings-none = Ingen møte registrerte.
mentor-meeting-submit = Registrer møtet
mentor-check-ins = Undervegssamtalar
mentor-check-ins-none = Ingen undervegs- eller sluttsamtale registrert.
mentor-check-in-submit = Registrer samtalen
mentor-outcomes = Oppfølging av mentee
mentor-outcomes-none = Inga oppfølging registrert.
mentor-outcome-submit = Registrer oppfølginga
mentor-end-heading = Avslutt paret før tida
mentor-end-submit = Avslutt paret
field-end-reason = Kvifor
field-held-on = Dato
field-minutes = Minutt
field-check-in-kind = Kva samtale
check-in-midway = midtvegs
check-in-final = avsluttande
field-follow-up = Når
follow-up-end = ved slutt
follow-up-6-months = etter 6 månader
follow-up-12-months = etter 12 månader
field-recorded-on = Registrert dato
field-in-work = I arbeid
field-in-education = I utdanning
field-qualifications-approved = Kvalifikasjonar godkjende
field-in-region = Bur framleis i regionen
field-norwegian-level = Norsknivå
answer-yes = ja
answer-no = nei
mentoring-me-title = Mi mentorside
mentoring-me-intro = Her ser du det programmet har registrert om deg, og para dine. Du kan rette og slette profilen din.
mentoring-me-none = Ingen mentorprofil er knytt til kontoen din.
mentoring-me-profiles = Profilen min
mentoring-me-pairs = Para mine
op-read = lesing
op-set = sett
entity-mentoring = mentorprogrammet
entity-mentoring-profile = mentorprofil
entity-mentoring-pair = mentorpar
mentoring-cohorts-link = Arbeidsplassmentorar: kull hos arbeidsgjevarar
cohorts-title = Kull av arbeidsplassmentorar
cohorts-intro = Tilsette som tek imot nye kollegaer, lært opp i samlingar saman med arbeidsgjevaren sin.
cohorts-none = Ingen kull registrerte.
cohorts-caption = Kull, med arbeidsgjevar og oppstart
cohorts-back = Tilbake til kulla
col-cohort = Kull
col-employer = Arbeidsgjevar
col-starts = Oppstart
col-attended = Møtte
cohort-new = Nytt kull
cohort-create = Registrer kullet
field-employer = Arbeidsgjevar
field-cohort-name = Namn på kullet
field-starts-on = Oppstart
field-theme = Tema
cohort-mentors = Mentorar i kullet
cohort-add-mentor = Legg til mentoren
cohort-remove-mentor = Fjern { $name }
cohort-sessions = Samlingar
cohort-sessions-none = Ingen samlingar registrerte.
cohort-sessions-caption = Samlingar, med kor mange som møtte
cohort-attendance-of = Kven møtte { $date }: { $title }
cohort-save-attendance = Lagre oppmøtet
cohort-add-session = Legg til samlinga
cohort-evaluations = Evaluering
cohort-evaluations-none = Inga evaluering registrert.
cohort-add-evaluation = Registrer evalueringa
evaluation-whole-cohort = heile kullet
field-evaluated = Kva som blir evaluert
field-score = Karakter
field-score-hint = 1 (dårleg) til 5 (svært bra).
score-none = ingen karakter
field-evaluation = Evaluering
mentoring-rules-link = Reglar for matchinga
mentoring-rules-title = Reglar for matchinga
mentoring-rules-intro = Harde krav avgjer kven som kan bli eit par; poenga avgjer kva par som er best. Endringane gjeld neste gong matchinga blir køyrd.
mentoring-rules-save = Lagre reglane
field-min-level = Minstenivå i eit felles språk
field-min-level-hint = Mentor og mentee må dele eit språk på minst dette nivået.
field-neighbours = Nabokommunar
field-neighbours-hint = Par av kommunenummer som tel som nær kvarandre, skilde med komma, t.d. «4640-4644, 4641-4642». Tomt: berre same kommune.
field-weight = Poeng for { $name }
mentoring-figures-only = Resultata til mentorprogrammet, talde frå para og oppfølgingane. Personane ser berre koordinatoren.
