//! `tawasol`: serves the web application and API (the default), or runs one administrative job.

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use tawasol_api::{Application, Settings, startup, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "tawasol",
    version,
    about = "Tawasol: local issues and petitions for Moroccan communes"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application and the API (what `tawasol` alone does).
    Serve,
    /// Apply pending database migrations, then exit (for deployments that migrate before start).
    Migrate,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("tawasol: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings);
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&settings).await,
        Command::Migrate => startup::open_database(&settings)
            .await
            .map(|_| tracing::info!("the database is up to date"))
            .map_err(|e| e.to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tawasol: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: &Settings) -> Result<(), String> {
    let app = Application::build(settings)
        .await
        .map_err(|e| e.to_string())?;
    app.run_until_stopped().await.map_err(|e| e.to_string())?;
    tracing::info!("stopped");
    Ok(())
}
