# Bulyst – English. The plan's own content stays in the words it was written
# in; these are only the user-interface texts.

## Common

skip-to-main = Skip to main content
nav-label = Main menu
nav-overview = Overview
nav-action-plan = Action plan
nav-timeline = Timeline
nav-organisation = Organisation
nav-municipalities = Municipalities
nav-changes = Changes
nav-audit = Audit log
language-label = Choose language
login = Log in
logout = Log out
signed-in-as = Signed in as { $email } ({ $role })
footer-source = Source: { $owner }, “{ $title }” ({ $year })
footer-about = Bulyst – a platform for inclusion and settling
date-long = { $day } { $month } { $year }
month-year = { $month } { $year }
date-range = { $from } – { $to }
not-given = not given
not-registered = not registered
none-option = (none)
all-option = All

## Form errors

errors-heading = Please correct the following before saving:

## Status, traffic lights and roles

status = Status
status-planned = planned
status-ongoing = ongoing
status-done = done
status-delayed = delayed
status-cancelled = cancelled
status-none = not reported
light = Traffic light
light-green = green
light-yellow = yellow
light-red = red
light-named = traffic light { $light }
role-admin = administrator
role-project-leader = project leader
role-steering-group = steering group
role-work-group = work group
role-municipal-contact = municipal contact
role-reader = reader
role-mentor-coordinator = mentor coordinator
role-newcomer-staff = newcomer service staff

## Months

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## Action-plan columns

col-work-package = Work package
col-how = How – measure
col-participants = Participants
col-when = When
col-comment = Comment
col-responsible = Responsible
col-status = Status
col-item = Action-plan item
col-start = Start
col-end = End

## Overview

main-goal = Main goal
about-heading = About the programme
other-documents = Other planning documents
municipalities-in-programme = The municipalities in the programme
facts-heading = Facts about the region
fact-source = Source: { $source }
progress-heading = Progress at a glance
progress-intro = Status of the action-plan items, by work package.
progress-items =
    { $count ->
        [one] { $count } action-plan item
       *[other] { $count } action-plan items
    }
goal = Goal

## Work package

work-package = Work package
description = Description
strategies = Strategies
measures = Measures
actions-heading = Action plan
actions-caption = Action-plan items of { $name }
no-actions = No action-plan items.
work-group-heading = Work group
lead = Lead
work-group = The work group
no-work-group = This work package has no work group of its own.

## Action plan and filter

filter-heading = Filter the action plan
filter-work-package = Work package
filter-responsible = Responsible contains
filter-status = Status
filter-from = From month
filter-to = To month
filter-month-hint = Month as YYYY-MM, for example 2020-09
filter-submit = Filter
filter-reset = Show all
filter-count = Showing { $shown } of { $total } items
action-plan-caption = { $title }, grouped by work package
no-matches = No action-plan items match the filter.
see-timeline = See the same items on the timeline
see-table = See the same items in the action plan
new-action-link = Add an item to the action plan

## Timeline

timeline-title = Timeline
timeline-svg-title = Timeline of the action plan
timeline-svg-desc = { $count } items with dates, from { $from } to { $to }. The same information is in the table below.
timeline-table-caption = The items on the timeline
timeline-legend = Legend
undated-heading = Without dates
undated-intro = These items have a “when” text that cannot be read as a period.
no-dated = None of the items have dates.

## Action-plan item

item-details = About the item
measure = Measure
period = Period
no-period = The text cannot be read as a period.
current-status = Current status
no-status = Nobody has reported a status yet.
history-heading = Status history
history-caption = Status updates, newest first
no-history = No status updates yet.
col-reported-on = Date
col-text = Comment
col-author = Reported by
report-heading = New status update
field-status = Status
field-light = Traffic light
field-text = What has happened?
field-text-hint = Say briefly what has been done and what remains.
field-reported-on = Date of the report
report-submit = Save the status update
edit-heading = Edit the item
edit-submit = Save the changes
field-work-package = Work package
field-measure = Measure
field-how = How – measure
field-participants = Participants
field-when = When
field-when-hint = Write as in the plan, for example “Sep.20 – mai 21” or “Hausten 2020”.
field-comment = Comment
field-responsible = Responsible

## New item

new-action-title = New action-plan item
field-id = Short name (ID)
field-id-hint = Becomes part of the address: lower-case letters, digits and hyphens, for example mentorprogram-2022.
new-action-submit = Create the item

## Measure

measure-actions = Action-plan items that carry out the measure
measure-no-actions = No action-plan item carries out this measure yet.
measure-edit-heading = Edit the measure
field-title = Title
measure-submit = Save the measure

## Organisation

org-chart-heading = Organisation chart
org-chart-label = Organisation chart of { $name }
mandate = Mandate
participants = Participants
meetings-heading = Steering-group meetings
meetings-intro = The steering group meets in these months:
person = Person
see-work-package = Work package: { $name }

## Municipalities

municipalities-title = The municipalities
municipalities-caption = The municipalities of { $name } with their contact person
col-number = Municipality number
col-municipality = Municipality
col-contact = Contact person
col-email = Email
contact-edit-heading = Change the contact person for { $name }
field-name = Name
field-email = Email
contact-submit = Save the contact person

## Changes

changes-title = Changes since { $date }
changes-since = Show changes since
changes-submit = Show the changes
changes-meetings = Since a steering-group meeting
changes-since-meeting = Since the meeting in { $month }
updates-heading = Status updates
updates-caption = Status updates in { $name }
edits-heading = Changes to the plan
edits-caption = Changes to measures and action-plan items
col-when-changed = Time
col-who = Who
col-what = What
col-operation = Change
changes-empty = No changes since { $date }.
op-create = created
op-update = changed
op-delete = deleted
op-import = imported
op-set-password = new password
entity-action = action-plan item
entity-measure = measure
entity-user = user
entity-plan = plan
entity-municipality-contact = contact person
entity-status-update = status update
other-work-package = Other

## Log in

login-title = Log in
field-password = Password
login-submit = Log in
login-intro = Log in to report status or change the plan. Anyone can read the plan without logging in.
login-wait = Too many failed log-ins. Wait { $count } { $count ->
        [one] second
       *[other] seconds
    } and try again.
login-busy = Many people are logging in right now. Try again in { $count } { $count ->
        [one] second
       *[other] seconds
    }.
error-title-503 = The server is busy

## Audit log

audit-title = Audit log
audit-caption = Audit log, page { $page }
col-time = Time
col-actor = Who
col-entity = Type
col-id = ID
col-before = Before
col-after = After
show-json = Show JSON
audit-empty = The audit log is empty.
previous-page = Previous page
next-page = Next page
pagination-label = Pages of the audit log

## Errors

error-status = Error code { $status }
go-home = Go to the overview

## Indicators

nav-indicators = Indicators
ind-title = Indicators
ind-intro = How Sogn for alle is doing on what it sets out to achieve: the latest figures for Sogn, Vestland and Norway as a whole, with trend, target and source.
ind-caption = Indicators with their latest figures
col-indicator = Indicator
area-sogn = Sogn
area-vestland = Vestland
area-norway = Norway
ind-col-trend = Trend in Sogn
ind-col-target = Target
ind-no-data = No figures
ind-no-trend = No time series
ind-needs-fetch = The figures must be fetched from Statistics Norway:
ind-value-period = { $value } ({ $period })
ind-trend-label = Trend in Sogn from { $from } to { $to }: from { $first } to { $last }
ind-target-text = { $value } in { $year } ({ $name })
ind-parts = { $value } ({ $numerator } of { $denominator })
ind-uncertain-note = * Uncertain figure: fewer than 20 persons behind a share, or fewer than 5 persons.
ind-eyebrow = Indicator
ind-unit = Unit
ind-nature = Kind
nature-stock = Stock: the number at a given moment
nature-flow = Flow: the number over a period
unit-persons = persons
unit-percent = per cent
unit-per-thousand = per 1,000 residents
ind-no-values = Bulyst has no figures for this indicator yet.
ind-fetch-how = These figures cannot ship with Bulyst and must be fetched directly from Statistics Norway. Run:
ind-col-period = Period
ind-col-category = Category
ind-split-heading = Breakdown
ind-split-caption = { $name }, broken down, { $period }
ind-baselines-heading = Baseline
ind-baseline-source = source: { $source }
ind-targets-heading = Targets
ind-targets-none = No targets have been set for this indicator yet.
ind-targets-caption = Targets for { $name }
ind-target-form-heading = Set a target
ind-target-submit = Save the target
field-area = Area
field-year = Year
field-value = Value
field-value-hint = The figure in the indicator's unit ({ $unit }), for example 12.5.
field-note = Note
ind-measures-heading = Measures meant to move this indicator
ind-measures-none = No measure of the plan is linked to this indicator.
ind-export-heading = Download the figures
ind-export-csv = Download as CSV
ind-export-xlsx = Download as Excel (XLSX)
measure-indicators = Indicators this measure is meant to move
measure-no-indicators = No indicators are linked to this measure.
stat-missing = missing
stat-suppressed = suppressed
stat-not-applicable = not applicable
stat-nil = nothing to report
stat-with-code = { $label } ({ $code })
stat-source = Source: { $publisher }, table { $table }, { $period }, retrieved { $retrieved }
stat-source-updated = Source: { $publisher }, table { $table }, { $period }, retrieved { $retrieved }, updated { $updated }
chart-heading = Over time
chart-title = { $name } in Sogn, Vestland and Norway
chart-title-sogn = { $name } in Sogn
chart-bars-title = { $name }: Sogn and Norway, { $period }
chart-series = { $name }: { $last } in { $to }, from { $first } in { $from }.
chart-series-one = { $name }: { $last } in { $to }.
chart-series-none = { $name }: no figures.
chart-gaps = Missing or suppressed figures are gaps in the line, not zero.
chart-axis-period = Year
chart-table-caption = The figures behind the chart: { $name }
chart-hollow-note = The lines differ by stroke and marker: Sogn solid with circles, Vestland dashed with squares, Norway dotted with triangles. A hollow marker is an uncertain figure. The table has the same figures.
map-heading = The municipalities of Vestland, { $period }
map-title = { $name } by municipality in Vestland, { $period }
map-desc = Vestland's municipalities shaded by value in up to five classes, light to dark; municipalities without figures are hatched. Sogn's seven municipalities have a thick double outline. Each municipality links to its row in the table.
map-sogn-note = Sogn's seven municipalities have a thick double outline on the map and are marked "(Sogn)" in the table. Choose a municipality on the map to go to its row in the table.
map-sogn-legend = Municipality in Sogn
map-legend = Legend
map-no-data = No figures
map-class = { $from } – { $to }
map-table-caption = { $name } by municipality, { $period }
map-in-sogn = (Sogn)
indicator-population = Population
indicator-population-definition = Residents on 1 January, from Statistics Norway table 07459 (all sexes and ages summed). For Sogn, the sum of the seven municipalities.
indicator-immigrant-share = Immigrant share
indicator-immigrant-share-definition = Immigrants (immigration category B, all countries of origin) as a percentage of the population on 1 January: the count from Statistics Norway table 09817 divided by the population from table 07459. For Sogn, the sum of immigrants divided by the sum of the seven municipalities' populations, not an average of percentages.
indicator-immigrants-by-country = Immigrants by country of origin
indicator-immigrants-by-country-definition = Immigrants (immigration category B) by country of origin, as a percentage of all immigrants in the area, against Norway as a whole. From Statistics Norway table 09817. Aggregate groups are left out, and countries with fewer than 5 persons are combined as "other".
indicator-immigrants-by-reason = Immigrants by reason for immigration
indicator-immigrants-by-reason-definition = Share of immigrants by reason for immigration: work, family, refuge (refugees and their families), education, and other or unknown. Covers only first-time immigrants with non-Nordic citizenship who came after 1989; they are the denominator, not all immigrants. From IMDi (population by reason for immigration), checked against Statistics Norway.
indicator-migration = In- and out-migration
indicator-migration-definition = Moves into and out of the area during the year per 1,000 residents: the number of moves divided by the population on 1 January, times 1,000. From Statistics Norway tables 06913 (annual) and 01222 (quarterly).
indicator-employment-immigrants = Employed immigrants
indicator-employment-immigrants-definition = Share employed among immigrants aged 15–74 living in the area, 4th quarter, from Statistics Norway table 11607. For Sogn weighted by the number of persons, not an average of percentages. Figures may be suppressed (":") in small municipalities such as Aurland, Lærdal and Vik.
indicator-refugees-settled-here = Refugees first settled here
indicator-refugees-settled-here-definition = A stock, not a retention rate: of the residents with a refugee background who live in the area now, the share who were first settled in the area (rather than moving here later). People who have moved away are not in it, so it does not say how many stay. Numerator and denominator are shown, also for those with 5 or more years in Norway. From IMDi (refugees by length of residence and secondary migration).

## The mentor programme
nav-mentoring = Mentor programme
nav-mentoring-me = My mentoring
mentoring-title = The mentor programme
mentoring-intro = Mentors and mentees who have consented, the proposed pairs with their reasons, who is left without a pair and why, and how the pairs are doing. Only the coordinator sees the people.
mentoring-figures = Results
mentor-ind-started = Pairs started
mentor-ind-completed = Pairs completed
mentor-ind-ended-early = Pairs ended early
mentor-ind-meetings = Meetings held
mentor-ind-work-6 = In work or education 6 months after
mentor-ind-work-12 = In work or education 12 months after
mentor-share-of = { $numerator } of { $denominator } with a follow-up recorded, { $count } missing
mentor-share-none = not recorded ({ $count } follow-ups missing)
mentoring-pairs = Proposal and pairs
mentoring-run = Run the matching
mentoring-run-hint = The matching finds the pairs with the highest total score within the rules. Locked pairs, and pairs someone has said yes to, stay as they are.
mentoring-no-pairs = No pairs yet. Run the matching to get a proposal.
mentoring-pairs-caption = Proposal and pairs, with scores and reasons
mentoring-locked = locked
mentoring-lock = Lock { $from } and { $to }
mentoring-unlock = Unlock { $from } and { $to }
mentoring-exclude = Forbid { $from } and { $to }
mentoring-lift = Lift the ban on { $from } and { $to }
mentoring-excluded = Forbidden pairs
mentoring-left = Without a pair
mentoring-left-none = Everyone who has consented has a pair in the proposal.
mentoring-left-caption = Who is left without a pair, and why
mentoring-mentors = Mentors
mentoring-mentees = Mentees
mentoring-nobody = Nobody registered.
mentoring-add-profile = Add a mentor or mentee
mentoring-back = Back to the mentor programme
col-mentor = Mentor
col-mentee = Mentee
col-score = Score
col-why = Why
col-actions = Actions
col-name = Name
col-side = Role
col-languages = Languages
col-occupation = Occupation
col-capacity = Capacity
col-consent = Consent
mentor-side-mentor = mentor
mentor-side-mentee = mentee
mentor-consent-given = given { $date } (text { $code })
mentor-consent-missing = missing: never matched
level-a1 = A1
level-a2 = A2
level-b1 = B1
level-b2 = B2
level-c1 = C1
level-c2 = C2
level-native = native
level-not-assessed = not assessed
criterion-same-municipality = same municipality
criterion-shared-language-above-minimum = shared language above the minimum
criterion-same-occupation = same occupation
criterion-same-industry = same industry
criterion-shared-interests = shared interests
criterion-overlapping-availability = times that suit both
unmatched-no-consent = no consent
unmatched-no-capacity = no capacity
unmatched-no-mentor-nearby = no mentor in the same or a neighbouring municipality
unmatched-no-mentee-nearby = no mentee in the same or a neighbouring municipality
unmatched-no-shared-language = no shared language at the minimum level
unmatched-excluded = forbidden by the coordinator
unmatched-mentors-full = every possible mentor is full
unmatched-mentees-elsewhere = every possible mentee has another mentor
mentor-profile-new-title = New mentor or mentee
mentor-profile-intro = Register only what the matching needs. Nobody is matched without consent.
mentor-profile-create = Register
mentor-profile-save = Save the changes
mentor-profile-delete-heading = Delete the profile
mentor-profile-delete-hint = The profile, its pairs and everything recorded about them are deleted for good.
mentor-profile-delete = Delete the profile
field-side = Role in the programme
field-choose = Choose …
field-municipality = Municipality
field-languages = Languages and levels
field-languages-hint = Separate with commas, e.g. “Norwegian B1, English C1”. Levels: A1–C2 or “native”.
field-occupation = Occupation (or the one the mentee aims for)
field-industry = Industry
field-goals = Goals
field-interests = Interests
field-availability = When the person can meet
field-list-hint = Separate with commas.
field-capacity = Capacity (mentors only)
field-capacity-hint = How many mentees the mentor can take, 1 to 10.
field-consent-given-on = Consent given
field-consent-hint = The day the person consented. Empty: no consent.
field-consent-text-version = Version of the consent text
field-account-id = The person's account number
field-account-id-hint = Optional: the account that may see, correct and delete the profile itself (the number “bulyst user add” printed).
mentor-pair-title = { $from } and { $to }
pair-status-proposed = proposed
pair-status-accepted = accepted
pair-status-active = active
pair-status-completed = completed
pair-status-ended-early = ended early
mentor-accepted-mentor = Mentor said yes
mentor-accepted-mentee = Mentee said yes
mentor-started-on = Started
mentor-ended-on = Ended
mentor-end-reason = Why it ended
mentor-accept-as-mentor = Accept as the mentor
mentor-accept-as-mentee = Accept as the mentee
mentor-start = Start the pair
mentor-complete = Mark as completed
mentor-meetings = Meetings
mentor-meetings-caption = The pair's meetings
mentor-meetings-none = No meetings recorded.
mentor-meeting-submit = Record the meeting
mentor-check-ins = Check-ins
mentor-check-ins-none = No mid-way or final check-in recorded.
mentor-check-in-submit = Record the check-in
mentor-outcomes = The mentee's follow-ups
mentor-outcomes-none = No follow-up recorded.
mentor-outcome-submit = Record the follow-up
mentor-end-heading = End the pair early
mentor-end-submit = End the pair
field-end-reason = Why
field-held-on = Date
field-minutes = Minutes
field-check-in-kind = Which check-in
check-in-midway = mid-way
check-in-final = final
field-follow-up = When
follow-up-end = at the end
follow-up-6-months = after 6 months
follow-up-12-months = after 12 months
field-recorded-on = Date recorded
field-in-work = In work
field-in-education = In education
field-qualifications-approved = Qualifications approved
field-in-region = Still living in the region
field-norwegian-level = Norwegian level
answer-yes = yes
answer-no = no
mentoring-me-title = My mentoring
mentoring-me-intro = What the programme has recorded about you, and your pairs. You can correct and delete your profile.
mentoring-me-none = No mentor programme profile is linked to your account.
mentoring-me-profiles = My profile
mentoring-me-pairs = My pairs
op-read = read
op-set = set
entity-mentoring = mentor programme
entity-mentoring-profile = mentoring profile
entity-mentoring-pair = mentoring pair
mentoring-cohorts-link = Workplace mentors: cohorts at employers
cohorts-title = Workplace-mentor cohorts
cohorts-intro = Employees who receive new colleagues, trained in group sessions together with their employer.
cohorts-none = No cohorts registered.
cohorts-caption = Cohorts, with employer and start
cohorts-back = Back to the cohorts
col-cohort = Cohort
col-employer = Employer
col-starts = Starts
col-attended = Attended
cohort-new = New cohort
cohort-create = Register the cohort
field-employer = Employer
field-cohort-name = Name of the cohort
field-starts-on = Starts
field-theme = Theme
cohort-mentors = Mentors in the cohort
cohort-add-mentor = Add the mentor
cohort-remove-mentor = Remove { $name }
cohort-sessions = Sessions
cohort-sessions-none = No sessions registered.
cohort-sessions-caption = Sessions, with how many attended
cohort-attendance-of = Who attended { $date }: { $title }
cohort-save-attendance = Save the attendance
cohort-add-session = Add the session
cohort-evaluations = Evaluation
cohort-evaluations-none = No evaluation recorded.
cohort-add-evaluation = Record the evaluation
evaluation-whole-cohort = the whole cohort
field-evaluated = What is evaluated
field-score = Score
field-score-hint = 1 (poor) to 5 (very good).
score-none = no score
field-evaluation = Evaluation
mentoring-rules-link = Rules of the matching
mentoring-rules-title = Rules of the matching
mentoring-rules-intro = Hard rules decide who can be a pair; the points decide which pairs are best. Changes apply the next time the matching runs.
mentoring-rules-save = Save the rules
field-min-level = Minimum level of a shared language
field-min-level-hint = Mentor and mentee must share a language at this level or above.
field-neighbours = Neighbouring municipalities
field-neighbours-hint = Pairs of municipality numbers that count as near each other, separated by commas, e.g. “4640-4644, 4641-4642”. Empty: the same municipality only.
field-weight = Points for { $name }
mentoring-figures-only = The mentor programme's results, counted from its pairs and follow-ups. Only the coordinator sees the people.

## The newcomer service
nav-newcomers = Newcomer service
nav-welcome = New in Sogn?
welcome-link = Welcome pages for newcomers
welcome-other-languages = Other languages
newcomers-title = The newcomer service
newcomers-intro = The cases you follow: new residents and households, their way in, and whether they stay.
newcomers-none = No cases you can see.
newcomers-caption = Cases in your municipalities
newcomers-back = Back to the newcomer service
newcomer-new-title = New case
newcomer-new-intro = Write down only what the service needs. Ask for consent before the information is used.
newcomer-create = Create the case
newcomer-me-title = My case
newcomer-me-intro = This is everything the newcomer service has written about you. You can correct, download and delete it.
newcomer-me-none = No newcomer-service case is linked to your account.
field-phone = Phone
field-arrival-date = Arrived in the municipality
field-category = Why the person came
field-household = Household
field-household-hint = Who lives with the person, with year of birth, separated by commas, e.g. “partner 1985, child 2016”. Words: partner, child, parent, other.
field-spoken-languages = Languages
field-needs = Needs help with
category-labour = work
category-refugee = refuge
category-family = family
category-student = study
category-returning = moving back
need-job = a job
need-partner-job = a job for the partner
need-housing = housing
need-school = school
need-kindergarten = kindergarten
need-norwegian-course = a Norwegian course
need-leisure = leisure and clubs
relation-partner = partner
relation-child = child
relation-parent = parent
relation-other = other
newcomer-steps = The way in
newcomer-steps-none = No steps recorded.
newcomer-step-submit = Record the step
field-step = Step
field-done-on = Date
step-first-contact = first contact
step-job = job
step-housing = housing
step-welcome-meeting = welcome meeting
step-clubs-and-volunteers = linked to clubs and volunteers
newcomer-follow-ups = Follow-ups
newcomer-due = Follow-ups that are due:
newcomer-follow-ups-none = No follow-up recorded.
newcomer-follow-up-submit = Record the follow-up
follow-up-3-months = after 3 months
follow-up-24-months = after 24 months
follow-up-60-months = after 60 months
field-residence = Where the person lives
residence-in-municipality = still in the municipality
residence-moved-within-region = moved within the region
residence-moved-away = moved out of the region
residence-unknown = unknown
newcomer-consents = Consent and lawful basis
newcomer-consents-none = Nothing recorded.
newcomer-consents-caption = What the information is used for, and on what basis
newcomer-consent-submit = Record the basis
newcomer-withdrawn = Withdrawn
newcomer-withdraw = Withdraw the consent to { $name }
field-purpose = Purpose
field-basis = Lawful basis
field-given-on = Date
purpose-case-work = following the case
purpose-follow-ups = contact for follow-ups
purpose-clubs-and-volunteers = contact with clubs and volunteers
purpose-rent-to-own = rent to own
basis-consent = consent
basis-contract = contract
basis-legal-obligation = legal obligation
basis-public-task = public task
newcomer-rent-to-own = Rent to own
newcomer-rent-none = Not in rent to own.
newcomer-rent-submit = Save rent to own
rent-phase = Phase
rent-purchase-year = Year bought
phase-selected = selected
phase-home-bought = home bought by the municipality
phase-renting = renting and saving
phase-purchased = bought
phase-followed-up = followed up
newcomer-correct = Correct the information
newcomer-save = Save
newcomer-rights = Access and erasure
newcomer-export = Download all the information (JSON)
newcomer-erase-hint = Erasure removes the person from every table. Only anonymous numbers are left. It cannot be undone.
newcomer-erase = Erase all the information
newcomer-cohorts-title = Do they stay?
newcomer-cohorts-intro = The share of those who arrived in a year who still live in the municipality and in the region 1, 2 and 5 years later. Those not yet followed that long count as far as they have been followed (Kaplan–Meier), not as if they had moved.
newcomer-cohorts-public = Figures for groups under 5 persons are suppressed.
newcomer-cohorts-none = No cohorts to show yet.
newcomer-cohorts-caption = Cohorts by year of arrival
col-area = Area
col-arrival-year = Arrived in
col-persons = Persons
col-stay-1-municipality = In the municipality after 1 year
col-stay-1-region = In the region after 1 year
col-stay-2-municipality = In the municipality after 2 years
col-stay-2-region = In the region after 2 years
col-stay-5-municipality = In the municipality after 5 years
col-stay-5-region = In the region after 5 years
cohort-share = { $value } (of { $count } followed)
cohort-suppressed = suppressed
cohort-not-yet-known = not known yet
field-newcomer-account-hint = Optional: the account with which the person can see, correct, download and erase the case themselves (the number “bulyst user add” printed).
newcomer-recorded = Follow-ups recorded:
programme-figures = The programme's own figures
programme-figures-signed-in = The figures of the mentor programme and the newcomer service are shown when you are signed in with a role that follows them. How many stay in the region is open to all:
programme-source-mentoring = Source: Bulyst, the mentor programme, counted { $date }.
programme-source-newcomers = Source: Bulyst, the newcomer service, counted { $date }. Groups under 5 persons are suppressed.
programme-stay-1 = Arrived in { $year }: in the region after 1 year
programme-stay-2 = Arrived in { $year }: in the region after 2 years
programme-stay-5 = Arrived in { $year }: in the region after 5 years

## Roles and permissions (/roles)
roles-title = Roles and permissions
roles-intro = Everyone can read the plan. This is what each role may do besides, as Bulyst decides it.
roles-col-role = Role
roles-col-may = May
roles-read-only = Read the public plan
reach-all = everywhere
reach-assigned = in their own work packages or municipalities
reach-own = only what concerns their own account
permission-report-status = report status
permission-edit-plan = change the plan
permission-set-targets = set targets for the indicators
permission-import-statistics = import statistics
permission-edit-municipality = change a municipality's contact person
permission-read-audit = read the audit log
permission-manage-users = manage accounts
permission-manage-mentoring = run the mentor programme
permission-own-mentoring-profile = see and change a mentoring profile
permission-read-mentoring-indicators = see the mentor programme's figures
permission-register-newcomer = register newcomers
permission-list-newcomer-cases = work with newcomer cases
permission-handle-newcomer-case = handle a newcomer case
permission-own-newcomer-case = see, correct, export and erase one's own case
permission-read-newcomer-cohorts = see the arrival cohorts
