//! Bulyst's HTTP behaviour, in-process: pages, the JSON API, permissions and
//! bad input, on SQLite and (when a URL is given) PostgreSQL.

mod api;
mod authz;
mod contract;
mod fetch;
mod health;
mod helpers;
mod indicators;
mod inputs;
mod mentoring_api;
mod mentoring_pages;
mod newcomer_pages;
mod newcomers_api;
mod page_cache;
mod pages;
mod security;
