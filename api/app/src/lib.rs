//! Tawasol's application layer: the context every use-case reaches (`context::AppState`), the
//! use-cases every surface shares (REST, web pages, Open311, feeds), the mail outbox and its
//! worker, keys and tokens, configuration, strings in three languages. It knows nothing of HTTP:
//! the surfaces live in `tawasol-api`, above it, and the crate boundary keeps it that way.

pub mod auth;
pub mod cache;
pub mod client;
pub mod clock;
pub mod config;
pub mod context;
pub mod data_dir;
pub mod demo;
pub mod html;
pub mod i18n;
pub mod mail;
pub mod secrets;
pub mod spreadsheet;
pub mod usecases;
pub mod vault;
pub mod work;
pub mod worker;

pub use config::Settings;
