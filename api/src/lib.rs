//! Tawasol's application: configuration, use-cases shared by every surface, the HTTP surfaces,
//! and the `tawasol` binary's start-up.

pub mod atom;
pub mod auth;
pub mod cache;
pub mod client;
pub mod clock;
pub mod config;
pub mod data_dir;
pub mod demo;
pub mod dossier;
pub mod extract;
pub mod html;
pub mod i18n;
pub mod mail;
pub mod middleware;
pub mod open311;
pub mod openapi;
pub mod openapi_refine;
pub mod problem;
pub mod rest;
pub mod secrets;
pub mod security;
pub mod startup;
pub mod telemetry;
pub mod usecases;
pub mod vault;
pub mod web;
pub mod work;

pub use config::Settings;
pub use startup::Application;
