//! The `tsunagu` binary: serves the API (default), seeds a demo, or prints the schema.

use clap::Parser;
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

use tsunagu::config::{Cli, Command};
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
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with_writer(std::io::stderr)
        .init();
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

async fn serve(config: tsunagu::config::Config) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let listen_addr = config.listen_addr;
    tsunagu::http::raise_open_file_limit();
    let services = Services::start(config).await?;
    let listener = TcpListener::bind(listen_addr).await?;
    let addr = listener.local_addr()?;
    tracing::info!(
        backend = services.store.backend_name(),
        ready_in_ms = started.elapsed().as_millis() as u64,
        "ready"
    );
    // Harnesses read this line to find the port when LISTEN_ADDR asks for port 0.
    println!("listening on http://{addr}");
    println!("GraphiQL: http://{addr}/graphql");
    tsunagu::http::serve(listener, services, shutdown_signal()).await
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
