//! The `tsunagu` binary: serves the API (default), seeds a demo, or prints the schema.

use clap::Parser;
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

use tsunagu::config::{Cli, Command};
use tsunagu::http::Readiness;
use tsunagu::service::Services;

/// mimalloc keeps tens of thousands of small, long-lived subscription allocations tightly
/// packed and returns the transient memory of each request to its free lists: with glibc's
/// malloc the same idle subscriptions cost more resident memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    release_large_allocations_promptly();
    let cli = Cli::parse();
    let logs = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with_writer(std::io::stderr);
    if cli.config.log_format == "json" {
        logs.json().init();
    } else {
        logs.init();
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::PrintSchema => {
            print!("{}", tsunagu::graphql::sdl());
            Ok(())
        }
        Command::SeedDemo { children_per_nursery } => {
            let services = Services::start(cli.config).await?;
            let summary = tsunagu::seed::seed_demo(&services, children_per_nursery).await?;
            println!("{summary}");
            Ok(())
        }
        Command::SeedCity {
            nurseries,
            children_per_nursery,
            days,
        } => {
            let services = Services::start(cli.config).await?;
            let plan = tsunagu::seed::city::CityPlan {
                nurseries,
                children_per_nursery,
                days,
            };
            println!("{}", tsunagu::seed::city::seed_city(&services, plan).await?);
            Ok(())
        }
        Command::Serve => serve(cli.config).await,
    }
}

/// Listens at once; connects to the database (and migrates it) meanwhile, retrying with
/// backoff while it is out of reach. `/livez` and `/readyz` answer throughout.
async fn serve(config: tsunagu::config::Config) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    tsunagu::http::raise_open_file_limit();
    let listener = TcpListener::bind(config.listen_addr).await?;
    let addr = listener.local_addr()?;
    let metrics_addr = config.metrics_addr;
    let readiness = Readiness::new(config);
    if let Some(metrics_addr) = metrics_addr {
        let handle = tsunagu::metrics::install()?;
        let metrics_listener = TcpListener::bind(metrics_addr).await?;
        let readiness = readiness.clone();
        tokio::spawn(async move {
            let services = move || readiness.services();
            if let Err(err) = tsunagu::metrics::serve(metrics_listener, handle, services).await {
                tracing::error!(error = %err, "serving metrics failed");
            }
        });
    }
    let connecting = tokio::spawn({
        let readiness = readiness.clone();
        async move {
            let mut wait = START_RETRY_FIRST;
            let mut announced = false;
            loop {
                match Services::start(readiness.config().clone()).await {
                    Ok(services) => {
                        tracing::info!(
                            backend = services.store.backend_name(),
                            ready_in_ms = started.elapsed().as_millis() as u64,
                            "ready"
                        );
                        readiness.set_services(services);
                        break;
                    }
                    Err(err) if tsunagu::store::is_unreachable_at_start(&err) => {
                        tracing::warn!(error = %err, retry_in_ms = wait.as_millis() as u64, "cannot start yet");
                        readiness.set_problem(format!("{err:#}"));
                    }
                    Err(err) => {
                        // Waiting will not mend it (a failed migration, a bad setting).
                        tracing::error!(error = format!("{err:#}"), "cannot start");
                        std::process::exit(1);
                    }
                }
                announce(addr, &mut announced);
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(START_RETRY_MOST);
            }
            // After the first attempt, so a harness that waits for this line finds the API up
            // whenever the database was there at start.
            announce(addr, &mut announced);
        }
    });
    let served = tsunagu::http::serve(listener, readiness, shutdown_signal()).await;
    connecting.abort();
    served
}

/// Waits between attempts to start, doubling from the first to the most.
const START_RETRY_FIRST: std::time::Duration = std::time::Duration::from_millis(250);
const START_RETRY_MOST: std::time::Duration = std::time::Duration::from_secs(5);

/// Prints the address once. Harnesses read this line to find the port when LISTEN_ADDR asks
/// for port 0.
fn announce(addr: std::net::SocketAddr, announced: &mut bool) {
    if !std::mem::replace(announced, true) {
        println!("listening on http://{addr}");
        println!("GraphiQL: http://{addr}/graphql");
    }
}

/// Ctrl-C or SIGTERM (what docker and systemd send).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
}

/// Each argon2 hash allocates 19 MiB. glibc raises its mmap threshold after freeing such a
/// block, and from then on keeps them in per-thread arenas: a burst of logins would leave the
/// server ~100 MiB larger for good. A fixed threshold returns them to the system at once.
fn release_large_allocations_promptly() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only adjusts allocator tuning; called before any other thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
    }
}
