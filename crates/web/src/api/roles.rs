//! `GET /api/v1/roles`: each role and what it may do, as `domain::access` decides it.

use axum::Json;
use domain::access::Reach;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(roles))
}

/// A role and everything it may do beyond reading the public plan.
#[derive(Serialize, ToSchema)]
pub struct RoleDto {
    /// The role's code, like `work-group`.
    role: &'static str,
    grants: Vec<GrantDto>,
}

#[derive(Serialize, ToSchema)]
pub struct GrantDto {
    /// The permission's code, like `report-status`.
    permission: &'static str,
    reach: ReachDto,
}

/// How far a permission reaches: everywhere, only in the work packages or municipalities
/// the account is given, or only what is linked to the person's own account.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReachDto {
    All,
    Assigned,
    Own,
}

impl From<Reach> for ReachDto {
    fn from(r: Reach) -> ReachDto {
        match r {
            Reach::All => ReachDto::All,
            Reach::Assigned => ReachDto::Assigned,
            Reach::Own => ReachDto::Own,
        }
    }
}

/// Each role and what it may do; public, like the organisation it describes.
#[utoipa::path(get, path = "/roles", tag = "plan", responses((status = 200, body = [RoleDto])))]
async fn roles() -> Json<Vec<RoleDto>> {
    Json(
        domain::access::every_role()
            .map(|(role, grants)| RoleDto {
                role: role.code(),
                grants: grants
                    .into_iter()
                    .map(|g| GrantDto {
                        permission: g.permission,
                        reach: g.reach.into(),
                    })
                    .collect(),
            })
            .collect(),
    )
}
