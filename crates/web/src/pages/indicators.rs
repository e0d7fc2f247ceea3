//! Indicator pages: the overview, one page per indicator with its chart and
//! map, the CSV and XLSX exports, and the project leader's target form.

use app::{IndicatorData, TargetInput, NORWAY, SOGN, VESTLAND};
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::catalogue::BASELINES;
use domain::stats::AreaKind;

use serde::Deserialize;

use super::{after_form, page, plan_or_error, redirect, OrPage, PageResult, Sent};
use crate::context::Ctx;

pub async fn overview(ctx: Ctx) -> PageResult {
    let all = ctx.app.indicators().await.or_page(&ctx, "/")?;
    let rows: Vec<render::IndicatorSummary> = all
        .iter()
        .map(|d| render::IndicatorSummary {
            indicator: d.indicator,
            sogn: d.latest(SOGN),
            vestland: d.latest(VESTLAND),
            norway: d.latest(NORWAY),
            trend: trend(d),
            target: d
                .targets
                .iter()
                .filter(|t| t.area == SOGN)
                .max_by_key(|t| t.year),
        })
        .collect();
    // The programme's own figures, for those whose role follows them; anonymous
    // visitors get the page as it is cached, without them.
    let actor = ctx.actor.as_ref();
    let can = ctx.can();
    let mentoring = if can.read_mentoring_indicators {
        Some(
            ctx.app
                .mentoring_indicators(actor)
                .await
                .or_page(&ctx, "/")?,
        )
    } else {
        None
    };
    let mut cohorts = if can.read_newcomer_cohorts {
        ctx.app.newcomer_cohorts(actor).await.or_page(&ctx, "/")?
    } else {
        Vec::new()
    };
    cohorts.sort_by_key(|c| std::cmp::Reverse(c.arrival_year));
    let programme = render::ProgrammeFigures {
        mentoring: mentoring.as_ref(),
        cohorts: &cohorts,
        as_of: Some(app::today()),
    };
    Ok(page(
        StatusCode::OK,
        render::indicators_with(&ctx.chrome(), &rows, &programme),
    ))
}

/// Sogn's headline values over time, oldest first.
fn trend(d: &IndicatorData) -> Vec<(String, Option<f64>)> {
    d.values
        .iter()
        .filter(|v| v.area == SOGN && v.category.is_none())
        .map(|v| (v.period.clone(), v.value))
        .collect()
}

/// The newest period with figures for municipalities, for the map.
fn map_period(d: &IndicatorData) -> Option<&str> {
    d.values
        .iter()
        .filter(|v| {
            v.value.is_some()
                && d.areas
                    .iter()
                    .any(|a| a.code == v.area && a.kind == AreaKind::Municipality)
        })
        .map(|v| v.period.as_str())
        .max()
}

fn render_page(
    ctx: &Ctx,
    d: &IndicatorData,
    s: &domain::state::Snapshot,
    form: &render::Form,
    status: StatusCode,
) -> Response {
    let baselines: Vec<_> = BASELINES
        .iter()
        .filter(|b| b.indicator == d.indicator.id)
        .cloned()
        .collect();
    let measures = d
        .indicator
        .measures
        .iter()
        .filter_map(|id| {
            s.measure(id)
                .map(|(_, m)| (m.id.as_str(), m.title.as_str()))
        })
        .collect();
    let body = render::indicator(
        &ctx.chrome(),
        &render::IndicatorPage {
            indicator: d.indicator,
            values: &d.values,
            areas: &d.areas,
            map_period: map_period(d),
            baselines: &baselines,
            targets: &d.targets,
            measures,
            may_set_target: ctx.can().set_targets,
            target_form: form,
        },
    );
    page(status, body)
}

/// `/indicators/{id}`, `/indicators/{id}.csv` and `/indicators/{id}.xlsx`.
pub async fn show(ctx: Ctx, Path(name): Path<String>) -> PageResult {
    let (id, format) = match name.rsplit_once('.') {
        Some((id, ext @ ("csv" | "xlsx"))) => (id.to_string(), Some(ext)),
        _ => (name.clone(), None),
    };
    let d = ctx.app.indicator(&id).await.or_page(&ctx, "/indicators")?;
    let s = plan_or_error(&ctx, "/indicators").await?;
    let Some(format) = format else {
        return Ok(render_page(
            &ctx,
            &d,
            &s,
            &render::Form::default(),
            StatusCode::OK,
        ));
    };
    let baselines: Vec<_> = BASELINES
        .iter()
        .filter(|b| b.indicator == d.indicator.id)
        .cloned()
        .collect();
    let export = render::IndicatorPage {
        indicator: d.indicator,
        values: &d.values,
        areas: &d.areas,
        map_period: map_period(&d),
        baselines: &baselines,
        targets: &d.targets,
        measures: Vec::new(),
        may_set_target: false,
        target_form: &render::Form::default(),
    };
    let (content_type, body) = match format {
        "csv" => (
            "text/csv; charset=utf-8",
            render::indicator_csv(&export).into_bytes(),
        ),
        _ => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            render::indicator_xlsx(&export),
        ),
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"bulyst-{id}.{format}\""))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TargetForm {
    area: String,
    year: String,
    value: String,
    note: String,
}

impl From<TargetForm> for TargetInput {
    fn from(f: TargetForm) -> TargetInput {
        TargetInput {
            area: f.area,
            year: f.year,
            value: f.value,
            note: f.note,
        }
    }
}

pub async fn set_target(ctx: Ctx, Path(id): Path<String>, sent: Sent<TargetForm>) -> PageResult {
    let back = format!("/indicators/{id}");
    let actor = ctx.require().or_page(&ctx, &back)?;
    let result = ctx
        .app
        .set_target(Some(actor), &id, &sent.form.into())
        .await;
    let (ctx, id, back) = (&ctx, &id, &back);
    after_form(
        ctx,
        back,
        sent.values,
        result,
        |_| redirect(&format!("{back}#targets")),
        |form, status| async move {
            let d = ctx.app.indicator(id).await.or_page(ctx, back)?;
            let s = plan_or_error(ctx, back).await?;
            Ok(render_page(ctx, &d, &s, &form, status))
        },
    )
    .await
}
