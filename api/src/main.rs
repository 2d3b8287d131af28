//! `tawasol`: serves the web application and API (the default), or runs one administrative job.

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use tawasol_api::http::telemetry;
use tawasol_api::usecases::outbox;
use tawasol_api::{Application, Settings, startup};
use tawasol_domain::{OutboxStatus, PageLimit};

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
    /// Drain the mail outbox without serving HTTP, until SIGTERM or Ctrl-C.
    Worker,
    /// Fill the database with realistic demo data (refused in production). Every demo account
    /// (`resident-N@demo.tawasol.ma`, `official-<commune>-K@…`, `moderator-<commune>@…`,
    /// `admin@…`) has the password given by --password.
    DemoData(DemoArgs),
    /// Administrative tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, clap::Args)]
struct DemoArgs {
    /// How many issues.
    #[arg(long, default_value_t = 2_000)]
    issues: u64,
    /// How many residents (default: one per 20 issues, at least 50).
    #[arg(long)]
    residents: Option<u64>,
    /// The average number of replies in an issue's thread.
    #[arg(long, default_value_t = 3)]
    replies_per_issue: u32,
    /// How many petitions (default: one per 2,000 issues, at least 12).
    #[arg(long)]
    petitions: Option<u32>,
    /// How many signatures in all (default: 60 per petition, at most one per resident each).
    #[arg(long)]
    signatures: Option<u64>,
    /// The same seed (and --until) gives the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The last day of the data, YYYY-MM-DD (default: today); issues go back three years.
    #[arg(long)]
    until: Option<chrono::NaiveDate>,
    /// The password of every demo account.
    #[arg(long, default_value = tawasol_api::demo::DEFAULT_PASSWORD)]
    password: String,
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// List mails in the outbox, newest first.
    Outbox {
        /// Only mails in this state: pending, sent or dead.
        #[arg(long)]
        status: Option<String>,
        /// How many (1 to 100).
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
    /// Create the first admin, or make an existing account admin. The password comes from
    /// TAWASOL_ADMIN_PASSWORD or, without it, from the first line of standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
    },
    /// Put a dead mail back in the queue, due now.
    Requeue {
        /// The mail's id, as `tawasol admin outbox --status dead` lists it.
        id: i64,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(errors) => {
            // Every problem at once, one line each, so that one attempt shows all to fix.
            for e in errors.iter() {
                eprintln!("tawasol: configuration error: {e}");
            }
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
        Command::Worker => worker(&settings).await,
        Command::DemoData(args) => demo_data(&settings, args).await,
        Command::Admin { command } => admin(&settings, command).await,
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

async fn worker(settings: &Settings) -> Result<(), String> {
    let db = startup::open_database(settings)
        .await
        .map_err(|e| e.to_string())?;
    let worker = tawasol_api::worker::mail_worker(settings, &db).map_err(|e| e.to_string())?;
    let state = cli_state(settings, &db).map_err(|e| e.to_string())?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(worker.run(stopped.clone()));
    let digests = tokio::spawn(tawasol_api::usecases::digests::run_scheduler(
        state, stopped,
    ));
    shutdown_signal().await;
    let _ = stop.send(true);
    let _ = digests.await;
    running.await.map_err(|e| e.to_string())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[allow(clippy::print_stdout)]
async fn demo_data(settings: &Settings, args: DemoArgs) -> Result<(), String> {
    use std::io::{IsTerminal, Write};
    use tawasol_api::demo::{self, DemoOptions};
    if settings.environment == tawasol_api::config::Environment::Production {
        return Err("demo-data refuses to run in production (TAWASOL_ENV=production)".into());
    }
    tawasol_domain::account::Password::parse(&args.password)
        .map_err(|_| "--password: use 10 to 128 characters".to_owned())?;
    let residents = args.residents.unwrap_or((args.issues / 20).max(50));
    let petitions = args
        .petitions
        .unwrap_or(u32::try_from((args.issues / 2_000).clamp(12, 2_000)).unwrap_or(12));
    let options = DemoOptions {
        issues: args.issues,
        residents,
        replies_per_issue: args.replies_per_issue,
        petitions,
        signatures: args.signatures.unwrap_or(u64::from(petitions) * 60),
        seed: args.seed,
        until: args
            .until
            .unwrap_or_else(|| tawasol_api::clock::Clock::system().now().date()),
    };
    let db = startup::open_database(settings)
        .await
        .map_err(|e| e.to_string())?;
    let state = cli_state(settings, &db).map_err(|e| e.to_string())?;
    let hash = tawasol_api::auth::password::hash(args.password.clone()).await;
    let started = std::time::Instant::now();
    let terminal = std::io::stderr().is_terminal();
    let vault = state.vault.clone();
    let report = tokio::task::spawn_blocking(move || {
        let mut last = (String::new(), u64::MAX);
        let mut progress = move |phase: &'static str, done: u64, total: u64| {
            let percent = (done * 100).checked_div(total).unwrap_or(100);
            let elapsed = started.elapsed().as_secs();
            if terminal {
                eprint!("\r{phase}: {done}/{total} ({percent} %) {elapsed} s   ");
                if done == total {
                    eprintln!();
                }
                let _ = std::io::stderr().flush();
            } else if last.0 != phase || percent / 10 != last.1 / 10 || done == total {
                eprintln!("{phase}: {done}/{total} ({percent} %) {elapsed} s");
            }
            last = (phase.to_owned(), percent);
        };
        demo::load(&db, &vault, &hash, &options, &mut progress)
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    println!(
        "demo data in {:.1} s: {} users, {} issues, {} replies, {} status changes, {} supports, {} follows, {} petitions, {} signatures",
        started.elapsed().as_secs_f64(),
        report.users,
        report.issues,
        report.replies,
        report.status_changes,
        report.supports,
        report.follows,
        report.petitions,
        report.signatures
    );
    println!(
        "log in as resident-1@{d}, official-tangier-1@{d}, moderator-tangier@{d} or admin@{d} with the password {p:?}",
        d = demo::DEMO_DOMAIN,
        p = args.password
    );
    Ok(())
}

#[allow(clippy::print_stdout)]
async fn admin(settings: &Settings, command: AdminCommand) -> Result<(), String> {
    let db = startup::open_database(settings)
        .await
        .map_err(|e| e.to_string())?;
    match command {
        AdminCommand::Outbox { status, limit } => {
            let status = match status.as_deref() {
                None => None,
                Some(s) => Some(
                    OutboxStatus::parse(s)
                        .ok_or(format!("--status {s:?}: use pending, sent or dead"))?,
                ),
            };
            let limit = PageLimit::parse(Some(limit)).map_err(|e| format!("--limit: {e}"))?;
            let page = outbox::list(&db, status, None, limit)
                .await
                .map_err(|e| e.to_string())?;
            println!("id\tstatus\tattempts\ttemplate\tlocale\tcreated_at\trecipient\tlast_error");
            for e in page.items {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}Z\t{}\t{}",
                    e.id,
                    e.status,
                    e.attempts,
                    e.template,
                    e.locale,
                    e.created_at.format("%Y-%m-%dT%H:%M:%S"),
                    e.recipient,
                    e.last_error.unwrap_or_default()
                );
            }
            Ok(())
        }
        AdminCommand::CreateAdmin { email } => {
            let password = match std::env::var("TAWASOL_ADMIN_PASSWORD") {
                Ok(p) if !p.is_empty() => p,
                _ => {
                    let mut line = String::new();
                    std::io::stdin()
                        .read_line(&mut line)
                        .map_err(|e| format!("reading the password: {e}"))?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let state = cli_state(settings, &db).map_err(|e| e.to_string())?;
            let id = tawasol_api::usecases::accounts::create_admin(&state, &email, &password)
                .await
                .map_err(|e| match e {
                    tawasol_api::usecases::UseCaseError::Invalid(fields) => {
                        let names: Vec<_> = fields.iter().map(|f| f.field).collect();
                        format!("invalid {}: the password needs 10 to 128 characters, the address must be valid", names.join(", "))
                    }
                    other => other.to_string(),
                })?;
            println!("user {id} ({email}) is an admin");
            Ok(())
        }
        AdminCommand::Requeue { id } => {
            outbox::requeue(&db, id, tawasol_api::clock::Clock::system().now())
                .await
                .map_err(|e| e.to_string())?;
            println!("mail {id} is queued again");
            Ok(())
        }
    }
}

/// What the use-cases need, for a command run from the shell (the real clock, no server's mail
/// worker to wake).
fn cli_state(
    settings: &Settings,
    db: &tawasol_persistence::Database,
) -> Result<startup::AppState, startup::ContextError> {
    startup::app_state(
        settings,
        db,
        tawasol_api::mail::MailSignal::default(),
        tawasol_api::clock::Clock::system(),
    )
}
