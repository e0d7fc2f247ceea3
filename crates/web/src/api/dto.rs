//! The JSON shapes of the API, built from the domain's values. Dates are ISO
//! 8601 strings; an item nobody has reported on has `status: null`.

use domain::plan::{Action, OrgUnit, WorkPackage};
use domain::state::{ActionRef, AuditEntry, Snapshot, StatusUpdate};
use serde::Serialize;
use time::Date;
use utoipa::ToSchema;

fn iso(d: Date) -> String {
    d.to_string()
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeDto {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub period: String,
    pub title: String,
    pub main_goal: String,
    pub introduction: String,
    pub other_documents: Vec<String>,
    pub action_plan_title: String,
    pub action_plan_period: String,
    pub municipalities: Vec<MunicipalityDto>,
    pub facts: Vec<FactDto>,
    pub work_packages: Vec<WorkPackageSummary>,
}

#[derive(Serialize, ToSchema)]
pub struct FactDto {
    pub text: String,
    pub source: String,
}

#[derive(Serialize, ToSchema)]
pub struct StatusCount {
    /// `null` counts the items nobody has reported on.
    pub status: Option<String>,
    pub count: usize,
}

#[derive(Serialize, ToSchema)]
pub struct WorkPackageSummary {
    pub id: String,
    pub name: String,
    /// `thematic` or `structure`.
    pub kind: String,
    pub goal: String,
    pub description: String,
    pub actions: usize,
    pub status_counts: Vec<StatusCount>,
}

#[derive(Serialize, ToSchema)]
pub struct WorkPackageDto {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub goal: String,
    pub description: String,
    pub strategies: Vec<StrategyDto>,
    pub measures: Vec<MeasureDto>,
    pub actions: Vec<ActionDto>,
    /// The sub-projects that carry out this package, with their work groups.
    pub subprojects: Vec<UnitDto>,
}

#[derive(Serialize, ToSchema)]
pub struct StrategyDto {
    pub number: u32,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeasureDto {
    pub id: String,
    pub title: String,
    pub work_package: String,
    pub version: i64,
    /// Ids of the action-plan rows that carry the measure out.
    pub actions: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ActionDto {
    pub id: String,
    pub work_package: String,
    pub measure: Option<String>,
    pub how: String,
    pub participants: String,
    /// "Når", as written in the plan.
    pub when: String,
    /// The first day "når" covers, where it can be read.
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub comment: String,
    pub responsible: String,
    /// Send this back when changing the row.
    pub version: i64,
    pub status: Option<String>,
    pub light: Option<String>,
    pub latest: Option<StatusUpdateDto>,
}

#[derive(Serialize, ToSchema)]
pub struct ActionDetail {
    #[serde(flatten)]
    pub action: ActionDto,
    /// The newest status updates, newest first; older ones are at `history_next`.
    pub history: Vec<StatusUpdateDto>,
    /// Where the next page of older updates is, when there are more.
    pub history_next: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StatusUpdateDto {
    pub id: i64,
    pub action_id: String,
    pub status: String,
    pub light: String,
    pub text: String,
    pub reported_on: String,
    pub author: String,
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationDto {
    pub heading: String,
    pub mandate: String,
    pub participants: String,
    pub other_relevant_note: String,
    pub steering_group_meeting_months: Vec<u8>,
    pub units: Vec<UnitDto>,
}

#[derive(Serialize, ToSchema)]
pub struct UnitDto {
    pub id: String,
    pub name: String,
    /// council, steering-group, project-leader, contacts or subproject.
    pub kind: String,
    pub parent: Option<String>,
    pub person: String,
    pub note: String,
    pub work_package: Option<String>,
    pub lead: String,
    pub work_group: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MunicipalityDto {
    pub code: String,
    pub name: String,
    pub contact: ContactDto,
}

#[derive(Serialize, ToSchema)]
pub struct ContactDto {
    pub name: String,
    pub email: String,
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ChangesDto {
    pub since: String,
    pub updates: Vec<StatusUpdateDto>,
    pub edits: Vec<AuditDto>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditDto {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub operation: String,
    pub entity: String,
    pub entity_id: String,
    /// What the entry was: an object of its fields, or for personal data a list of
    /// field names only; null when it was created.
    pub before: Option<serde_json::Value>,
    /// What the entry became; null when it was deleted or read.
    pub after: Option<serde_json::Value>,
}

#[derive(Serialize, ToSchema)]
pub struct UserDto {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub work_packages: Vec<String>,
    pub municipalities: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionDto {
    /// Send as `Authorization: Bearer …`, or keep the cookie that came with it.
    pub token: String,
    pub expires_at: String,
    pub user: UserDto,
}

impl From<&StatusUpdate> for StatusUpdateDto {
    fn from(u: &StatusUpdate) -> Self {
        StatusUpdateDto {
            id: u.id,
            action_id: u.action_id.clone(),
            status: u.status.code().into(),
            light: u.light.code().into(),
            text: u.text.clone(),
            reported_on: iso(u.reported_on),
            author: u.author.clone(),
            created_at: rfc3339(u.created_at),
        }
    }
}

impl From<&AuditEntry> for AuditDto {
    fn from(e: &AuditEntry) -> Self {
        AuditDto {
            id: e.id,
            at: rfc3339(e.at),
            actor: e.actor.clone(),
            operation: e.operation.clone(),
            entity: e.entity.clone(),
            entity_id: e.entity_id.clone(),
            before: e.before.clone(),
            after: e.after.clone(),
        }
    }
}

impl From<&domain::access::Actor> for UserDto {
    fn from(a: &domain::access::Actor) -> Self {
        UserDto {
            id: a.id,
            email: a.email.clone(),
            role: a.role.code().into(),
            work_packages: a.work_packages.clone(),
            municipalities: a.municipalities.clone(),
        }
    }
}

impl From<ActionRef<'_>> for ActionDto {
    fn from(a: ActionRef<'_>) -> Self {
        let Action {
            id,
            measure,
            how,
            participants,
            when,
            comment,
            responsible,
        } = a.action.clone();
        let state = a.state;
        ActionDto {
            id,
            work_package: a.work_package.id.clone(),
            measure: (!measure.is_empty()).then_some(measure),
            how,
            participants,
            when,
            starts: state.and_then(|s| s.starts).map(iso),
            ends: state.and_then(|s| s.ends).map(iso),
            comment,
            responsible,
            version: state.map_or(1, |s| s.version),
            status: a.status().map(|s| s.code().into()),
            light: a.light().map(|l| l.code().into()),
            latest: state.and_then(|s| s.latest.as_ref()).map(Into::into),
        }
    }
}

impl From<&OrgUnit> for UnitDto {
    fn from(u: &OrgUnit) -> Self {
        UnitDto {
            id: u.id.clone(),
            name: u.name.clone(),
            kind: u.kind.code().into(),
            parent: (!u.parent.is_empty()).then(|| u.parent.clone()),
            person: u.person.clone(),
            note: u.note.clone(),
            work_package: (!u.work_package.is_empty()).then(|| u.work_package.clone()),
            lead: u.lead.clone(),
            work_group: u.work_group.clone(),
        }
    }
}

pub fn measures_of(s: &Snapshot, wp: &WorkPackage) -> Vec<MeasureDto> {
    wp.measures
        .iter()
        .map(|m| MeasureDto {
            id: m.id.clone(),
            title: m.title.clone(),
            work_package: wp.id.clone(),
            version: s.measure_versions.get(&m.id).copied().unwrap_or(1),
            actions: s
                .actions()
                .filter(|a| a.action.measure == m.id)
                .map(|a| a.action.id.clone())
                .collect(),
        })
        .collect()
}

pub fn work_package(s: &Snapshot, wp: &WorkPackage) -> WorkPackageDto {
    WorkPackageDto {
        id: wp.id.clone(),
        name: wp.name.clone(),
        kind: wp.kind.code().into(),
        goal: wp.goal.clone(),
        description: wp.description.clone(),
        strategies: wp
            .strategies
            .iter()
            .map(|st| StrategyDto {
                number: st.number,
                text: st.text.clone(),
            })
            .collect(),
        measures: measures_of(s, wp),
        actions: s
            .actions()
            .filter(|a| a.work_package.id == wp.id)
            .map(Into::into)
            .collect(),
        subprojects: s
            .plan
            .organisation
            .units
            .iter()
            .filter(|u| u.work_package == wp.id)
            .map(Into::into)
            .collect(),
    }
}

pub fn municipalities(s: &Snapshot) -> Vec<MunicipalityDto> {
    s.plan
        .municipalities
        .iter()
        .map(|m| {
            let c = s.contacts.get(&m.code).cloned().unwrap_or_default();
            MunicipalityDto {
                code: m.code.clone(),
                name: m.name.clone(),
                contact: ContactDto {
                    name: c.name,
                    email: c.email,
                    version: c.version.max(1),
                },
            }
        })
        .collect()
}

pub fn programme(s: &Snapshot) -> ProgrammeDto {
    let p = &s.plan.programme;
    ProgrammeDto {
        id: p.id.clone(),
        name: p.name.clone(),
        owner: p.owner.clone(),
        period: p.period.clone(),
        title: p.title.clone(),
        main_goal: p.main_goal.clone(),
        introduction: p.introduction.clone(),
        other_documents: p.other_documents.clone(),
        action_plan_title: p.action_plan_title.clone(),
        action_plan_period: p.action_plan_period.clone(),
        municipalities: municipalities(s),
        facts: s
            .plan
            .facts
            .iter()
            .map(|f| FactDto {
                text: f.text.clone(),
                source: f.source.clone(),
            })
            .collect(),
        work_packages: s
            .plan
            .work_packages
            .iter()
            .map(|wp| WorkPackageSummary {
                id: wp.id.clone(),
                name: wp.name.clone(),
                kind: wp.kind.code().into(),
                goal: wp.goal.clone(),
                description: wp.description.clone(),
                actions: wp.actions.len(),
                status_counts: s
                    .status_counts(&wp.id)
                    .into_iter()
                    .map(|(status, count)| StatusCount {
                        status: status.map(|s| s.code().into()),
                        count,
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn organisation(s: &Snapshot) -> OrganisationDto {
    let o = &s.plan.organisation;
    OrganisationDto {
        heading: o.heading.clone(),
        mandate: o.mandate.clone(),
        participants: o.participants.clone(),
        other_relevant_note: o.other_relevant_note.clone(),
        steering_group_meeting_months: o.steering_group_meeting_months.clone(),
        units: o.units.iter().map(Into::into).collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorDto {
    pub id: String,
    /// I1–I6 in the programme's statistics notes, or empty.
    pub code: String,
    /// persons, percent or per-thousand.
    pub unit: String,
    /// stock or flow.
    pub nature: String,
    /// Strategy numbers of the plan this indicator follows.
    pub strategies: Vec<u32>,
    /// Ids of the plan's measures this indicator follows.
    pub measures: Vec<String>,
    /// When the figures must be fetched live: the command that fetches them.
    pub fetch: Option<String>,
    /// Whether the database holds figures for it.
    pub has_data: bool,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorSourceDto {
    pub publisher: String,
    pub table: String,
    pub retrieved: String,
    pub updated: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorValueDto {
    /// A municipality number, `sogn`, `46` (Vestland) or `0` (Norway).
    pub area: String,
    pub period: String,
    /// For a breakdown or a split: the category, like `Botid i Norge=5+ år`.
    pub category: Option<String>,
    /// Missing or suppressed figures are `null`, with `status` saying why; never 0.
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub status: Option<String>,
    /// Fewer than 20 persons under a rate, or a count under 5.
    pub uncertain: bool,
    pub unit: String,
    pub source: IndicatorSourceDto,
}

#[derive(Serialize, ToSchema)]
pub struct TargetDto {
    pub indicator: String,
    pub area: String,
    pub year: i32,
    pub value: f64,
    pub note: String,
}

impl From<&domain::indicators::IndicatorValue> for IndicatorValueDto {
    fn from(v: &domain::indicators::IndicatorValue) -> Self {
        IndicatorValueDto {
            area: v.area.clone(),
            period: v.period.clone(),
            category: v.category.clone(),
            value: v.value,
            numerator: v.numerator,
            denominator: v.denominator,
            status: v.status.clone(),
            uncertain: v.uncertain,
            unit: v.unit.code().into(),
            source: IndicatorSourceDto {
                publisher: v.source.publisher.clone(),
                table: v.source.table.clone(),
                retrieved: rfc3339(v.source.retrieved),
                updated: v.source.updated.clone(),
            },
        }
    }
}

impl From<&domain::indicators::Target> for TargetDto {
    fn from(t: &domain::indicators::Target) -> Self {
        TargetDto {
            indicator: t.indicator.clone(),
            area: t.area.clone(),
            year: t.year,
            value: t.value,
            note: t.note.clone(),
        }
    }
}

pub fn indicator(d: &app::IndicatorData) -> IndicatorDto {
    let i = d.indicator;
    IndicatorDto {
        id: i.id.into(),
        code: i.code.into(),
        unit: i.unit.code().into(),
        nature: match i.nature {
            domain::indicators::Nature::Stock => "stock".into(),
            domain::indicators::Nature::Flow => "flow".into(),
        },
        strategies: i.strategies.to_vec(),
        measures: i.measures.iter().map(|m| m.to_string()).collect(),
        fetch: i.fetch.map(|f| f.command()),
        has_data: d.values.iter().any(|v| v.value.is_some()),
    }
}
