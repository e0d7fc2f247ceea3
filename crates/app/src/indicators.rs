//! Indicators: computed from the observations in the database for the
//! municipalities of Vestland, Sogn, the county and the country, kept in
//! memory until new statistics or targets arrive.

use std::collections::HashMap;
use std::sync::Arc;

use domain::access::{Actor, Permission};
use domain::aggregate::{self, Geography};
use domain::catalogue::{self, INDICATORS};
use domain::indicators::{Formula, Indicator, IndicatorValue, Series, SourceRef, Target};
use domain::limits;
use domain::stats::{Area, AreaKind, Observation, Source};
use domain::FieldError;
use store::ObservationQuery;

use crate::access::signed_in;
use crate::accounts::who_of;
use crate::{App, AppError, Result};

/// The Sogn region's code among the areas.
pub const SOGN: &str = "sogn";
pub const VESTLAND: &str = "46";
pub const NORWAY: &str = "0";

/// An indicator with everything a page about it shows.
#[derive(Debug, Clone)]
pub struct IndicatorData {
    pub indicator: &'static Indicator,
    /// For the municipalities of Vestland, Sogn, Vestland and Norway.
    pub values: Vec<IndicatorValue>,
    pub areas: Arc<Vec<Area>>,
    pub targets: Vec<Target>,
}

impl IndicatorData {
    /// The newest headline value (no category) of an area.
    pub fn latest(&self, area: &str) -> Option<&IndicatorValue> {
        self.values
            .iter()
            .filter(|v| v.area == area && v.category.is_none())
            .max_by(|a, b| a.period.cmp(&b.period))
    }
}

/// A target as a form or JSON sends it.
#[derive(Debug, Clone, Default)]
pub struct TargetInput {
    /// `sogn`, a municipality number, `46` or `0`.
    pub area: String,
    pub year: String,
    pub value: String,
    pub note: String,
}

#[derive(Default)]
pub(crate) struct Computed {
    /// Per indicator: the statistics revision it was computed at, and the values.
    values: HashMap<&'static str, (i64, Arc<Vec<IndicatorValue>>)>,
}

fn source_ref(s: &Source) -> SourceRef {
    SourceRef {
        publisher: s.publisher.clone(),
        table: s.table.clone(),
        retrieved: s.retrieved,
        updated: s.updated.clone(),
    }
}

fn query(series: &Series, periods: Option<(&str, &str)>) -> ObservationQuery {
    ObservationQuery {
        publisher: series.publisher.into(),
        table: series.table.into(),
        measures: vec![series.measure.into()],
        areas: Vec::new(),
        dims: series
            .dims
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        from_period: periods.map(|p| p.0.to_string()),
        to_period: periods.map(|p| p.1.to_string()),
    }
}

/// The areas an indicator is shown for: Vestland's municipalities, Sogn, Vestland, Norway.
pub fn shown_areas(areas: &[Area]) -> Vec<String> {
    let mut out: Vec<String> = areas
        .iter()
        .filter(|a| {
            a.kind == AreaKind::Municipality && a.code.starts_with(VESTLAND) && a.valid_to.is_none()
        })
        .map(|a| a.code.clone())
        .collect();
    out.extend([SOGN, VESTLAND, NORWAY].map(String::from));
    out
}

impl App {
    async fn read_series(
        &self,
        series: &Series,
        periods: Option<(&str, &str)>,
    ) -> Result<Vec<(Observation, SourceRef)>> {
        let rows = self.db.observations(&query(series, periods)).await?;
        Ok(rows.into_iter().map(|(o, s)| (o, source_ref(&s))).collect())
    }

    async fn compute(
        &self,
        indicator: &'static Indicator,
        areas: &[Area],
    ) -> Result<Vec<IndicatorValue>> {
        let (counted, divisor) = catalogue::series(indicator);
        // A breakdown has many categories; it is shown for its newest period only.
        let periods = match &indicator.formula {
            Formula::Breakdown { .. } => {
                let mut probe = query(counted, None);
                probe.areas = areas
                    .iter()
                    .filter(|a| a.code.starts_with(VESTLAND))
                    .map(|a| a.code.clone())
                    .collect();
                let newest = self
                    .db
                    .observations(&probe)
                    .await?
                    .into_iter()
                    .map(|(o, _)| o.period)
                    .max();
                match newest {
                    Some(p) => Some(p),
                    None => return Ok(Vec::new()),
                }
            }
            _ => None,
        };
        let span = periods.as_deref().map(|p| (p, p));
        let found = self.read_series(counted, span).await?;
        let divided = match divisor {
            Some(d) => self.read_series(d, span).await?,
            None => Vec::new(),
        };
        let shown = shown_areas(areas);
        let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
        let geo = Geography::new(areas);
        Ok(aggregate::values(indicator, &found, &divided, &shown, &geo))
    }

    /// One indicator with its values and targets.
    pub async fn indicator(&self, id: &str) -> Result<IndicatorData> {
        let indicator = catalogue::indicator(id)
            .ok_or_else(|| AppError::NotFound(format!("indicator `{id}`")))?;
        let revision = self.stored_revisions().await?.statistics;
        let areas = self.areas().await?;
        let values = match self.computed_values(indicator.id, revision) {
            Some(v) => v,
            None => {
                let _turn = self.computing.lock().await;
                // Somebody may have computed them while this reader waited.
                match self.computed_values(indicator.id, revision) {
                    Some(v) => v,
                    None => {
                        let v = Arc::new(self.compute(indicator, &areas).await?);
                        self.computed
                            .lock()
                            .expect("computed lock")
                            .values
                            .insert(indicator.id, (revision, v.clone()));
                        v
                    }
                }
            }
        };
        let targets = self.db.targets(Some(indicator.id)).await?;
        Ok(IndicatorData {
            indicator,
            values: values.as_ref().clone(),
            areas,
            targets,
        })
    }

    /// An indicator's values as computed for the statistics at `revision`, if they were.
    fn computed_values(&self, id: &str, revision: i64) -> Option<Arc<Vec<IndicatorValue>>> {
        let computed = self.computed.lock().expect("computed lock");
        match computed.values.get(id) {
            Some((r, v)) if *r == revision => Some(v.clone()),
            _ => None,
        }
    }

    /// Every indicator, in catalogue order.
    pub async fn indicators(&self) -> Result<Vec<IndicatorData>> {
        let mut out = Vec::with_capacity(INDICATORS.len());
        for i in INDICATORS {
            out.push(self.indicator(i.id).await?);
        }
        Ok(out)
    }

    async fn areas(&self) -> Result<Arc<Vec<Area>>> {
        Ok(Arc::new(self.db.areas().await?))
    }

    /// Sets (or replaces) a target: the project leader's or an admin's.
    pub async fn set_target(
        &self,
        actor: Option<&Actor>,
        id: &str,
        input: &TargetInput,
    ) -> Result<Target> {
        let actor = signed_in(actor)?;
        let indicator = catalogue::indicator(id)
            .ok_or_else(|| AppError::NotFound(format!("indicator `{id}`")))?;
        actor.require(Permission::SetTargets)?;
        let areas = self.areas().await?;
        let mut errors = Vec::new();
        if !shown_areas(&areas).iter().any(|a| a == input.area.trim()) {
            errors.push(FieldError::new(
                "area",
                format!(
                    "`{}` is not one of the areas indicators are shown for",
                    input.area
                ),
            ));
        }
        let year = input
            .year
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y));
        if year.is_none() {
            errors.push(FieldError::new(
                "year",
                format!("`{}` is not a year between 2000 and 2100", input.year),
            ));
        }
        let value = input
            .value
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0);
        if value.is_none() {
            errors.push(FieldError::new(
                "value",
                format!("`{}` is not a number of zero or more", input.value),
            ));
        }
        if let Err(e) = limits::check("note", &input.note, limits::TITLE) {
            errors.push(e);
        }
        let (Some(year), Some(value), true) = (year, value, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let target = Target {
            indicator: indicator.id.into(),
            area: input.area.trim().into(),
            year,
            value,
            note: input.note.trim().into(),
        };
        self.db.set_target(&who_of(Some(actor)), &target).await?;
        // The target moved the revision, which cached indicator pages are keyed on.
        self.changed();
        Ok(target)
    }
}
