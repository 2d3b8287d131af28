//! Tawasol's HTTP surfaces and the `tawasol` binary: the REST API, the web application, Open311,
//! the Atom feeds, and the start-up that assembles them over the application layer
//! (`tawasol-app`: the context, the use-cases, mail, keys, configuration).

pub mod atom;
pub mod client;
pub mod dossier;
pub mod extract;
pub mod html;
pub mod middleware;
pub mod open311;
pub mod openapi;
pub mod openapi_refine;
pub mod problem;
pub mod rest;
pub mod security;
pub mod startup;
pub mod telemetry;
pub mod web;

// The application layer, under the names the surfaces (and the end-to-end tests) use.
pub use tawasol_app::{
    auth, cache, clock, config, context, data_dir, demo, i18n, mail, secrets, usecases, vault, work,
};

pub use config::Settings;
pub use startup::Application;
