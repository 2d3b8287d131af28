//! End-to-end tests: the real server on a loopback port, spoken to over HTTP, on SQLite or on
//! PostgreSQL when `TAWASOL_TEST_DATABASE_URL` names one.

mod auth;
#[cfg(feature = "browser")]
mod browser;
mod communes;
mod demo;
mod deployment;
mod errors;
mod exports;
mod feeds;
mod health;
mod issues;
#[cfg(feature = "browser")]
mod journeys;
mod load;
mod mail;
mod matrix;
mod open311;
mod openapi;
mod petitions;
mod stats;
mod text;
mod web;
mod web_account;
mod web_desk;
mod web_forms;
mod web_moderation;
mod web_petitions;
mod web_security;
