//! Tawasol's HTTP surfaces and the `tawasol` binary, over the application layer (`tawasol-app`:
//! the context, the use-cases, mail, keys, configuration). From the top down:
//!
//! - `startup`: assembles the surfaces (their routes, their answers to failures, the OpenAPI
//!   document) over the application context, and serves;
//! - the surfaces, each with its routes, its request and response types, its error rendering and
//!   its OpenAPI fragment: `rest` (the API under `/api/v1`), `web` (the pages), `open311`
//!   (GeoReport v2), `feeds` (Atom), and `openapi` (the document and Swagger UI);
//! - `http`: what every surface shares; it knows no surface.

pub mod feeds;
pub mod http;
pub mod open311;
pub mod openapi;
pub mod rest;
pub mod startup;
pub mod web;

// The application layer, under the names the surfaces (and the end-to-end tests) use.
pub use tawasol_app::{
    auth, cache, clock, config, context, data_dir, demo, i18n, mail, secrets, usecases, vault,
    work, worker,
};

pub use config::Settings;
pub use startup::Application;
