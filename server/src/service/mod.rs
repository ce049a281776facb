//! What the API does, between the GraphQL resolvers (which only translate) and the store
//! (which only persists): input checks, the policy decision, the write, and waking the event
//! tailer. Every function takes the caller's `Actor` and names its `Action`.

pub mod absence_changes;
pub mod account_access;
pub mod account_admin;
pub mod account_codes;
pub mod account_mail;
pub mod accounts;
pub mod attendance;
pub mod attendance_batch;
pub mod attendance_writer;
pub mod care;
pub mod child_records;
pub mod journals;
pub mod mailer;
pub mod naps;
pub mod org;
pub mod oversight;
pub mod own_account;
pub mod push;
pub mod push_transport;
pub mod reached;
pub mod reports;
pub mod roster;
pub mod roster_import;
pub mod safety;

use std::sync::Arc;

use crate::auth::password::Passwords;
use crate::auth::rate_limit::{LoginLimiter, LoginLimits};
use crate::clock::Clock;
use crate::coalesce::Coalescer;
use crate::config::Config;
use crate::domain::calendar::offset_from_minutes;
use crate::domain::Id;
use crate::error::{AppError, AppResult};
use crate::events::EventBus;
use crate::policy::{Action, Actor};
use crate::store::{EntityRef, PlacedChild, Store};

/// Reads of children, at most this many at a time.
const CHILD_READS_IN_FLIGHT: usize = 2;

fn placed_children(store: Arc<dyn Store>) -> Coalescer<Id, PlacedChild> {
    Coalescer::start(CHILD_READS_IN_FLIGHT, move |ids: Vec<Id>| {
        let store = store.clone();
        async move { store.placed_children(&ids).await }
    })
}

/// A child the caller may act on (see `Services::authorized_child`).
pub(crate) struct AuthorizedChild {
    pub placed: PlacedChild,
    /// The first of the actions asked for that the caller may perform: which one decides
    /// what a record is (a temperature taken at the nursery or at home, say).
    pub action: Action,
    /// "Today" at the child's nursery, and its offset from UTC.
    pub today: time::Date,
    pub offset: time::UtcOffset,
}

/// The running service's shared parts.
#[derive(Clone)]
pub struct Services {
    /// Where "now" comes from for every service, the store and the background watches.
    pub clock: Arc<dyn Clock>,
    pub store: Arc<dyn Store>,
    /// The caller's session, read for many requests at once.
    pub sessions: crate::auth::Sessions,
    /// Open WebSockets by the session they run on, so ending a session ends them.
    pub live_sessions: crate::auth::live_sessions::LiveSessions,
    /// Children with their scope and nursery clock, read for many requests at once.
    pub children: Coalescer<Id, PlacedChild>,
    pub bus: EventBus,
    pub push: push::PushSender,
    pub passwords: Passwords,
    pub login_limiter: LoginLimiter,
    /// Attempts to use invitation and reset codes, throttled per client address like logins.
    pub activation_limiter: LoginLimiter,
    /// E-mails account codes when SMTP is configured.
    pub mailer: Option<mailer::Mailer>,
    /// Records check-ins and check-outs, grouping concurrent callers into one commit.
    pub attendance: attendance_writer::AttendanceWriter,
    /// Records reads of child-level data, grouping concurrent callers into one commit.
    pub audit: crate::audit::writer::AuditWriter,
    pub config: Arc<Config>,
}

impl Services {
    /// Connects the store (applying migrations), starts the event bus and creates the first
    /// SYSTEM_ADMIN when configured to.
    pub async fn start(config: Config) -> anyhow::Result<Self> {
        Self::start_with_clock(config, crate::clock::system()).await
    }

    /// `start`, with "now" read from `clock` everywhere.
    pub async fn start_with_clock(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let store = crate::store::connect_with(&config.database_url, config.store_options(), clock.clone()).await?;
        let bus = EventBus::start(store.clone(), config.event_poll_interval()).await?;
        let push = push::PushSender::start(store.clone(), clock.clone(), &config).await?;
        let services = Services {
            clock: clock.clone(),
            attendance: attendance_writer::AttendanceWriter::start(store.clone(), bus.clone(), push.clone()),
            sessions: crate::auth::sessions(store.clone(), clock.clone()),
            live_sessions: crate::auth::live_sessions::LiveSessions::default(),
            children: placed_children(store.clone()),
            store: store.clone(),
            bus,
            push,
            passwords: Passwords::new(),
            login_limiter: LoginLimiter::new(LoginLimits {
                per_address_per_minute: config.login_limit_per_address,
                per_account_address_per_minute: config.login_limit_per_account,
                per_account_per_hour: config.login_limit_per_account_hourly,
            }),
            activation_limiter: LoginLimiter::new(LoginLimits {
                per_address_per_minute: config.activation_limit_per_address,
                per_account_address_per_minute: config.activation_limit_per_address,
                per_account_per_hour: config.activation_limit_per_address.saturating_mul(10),
            }),
            mailer: config
                .smtp_url
                .as_deref()
                .map(|url| mailer::Mailer::from_url(url, &config.smtp_from))
                .transpose()?,
            audit: crate::audit::writer::AuditWriter::start(store.clone()),
            config: Arc::new(config),
        };
        accounts::bootstrap_admin(&services).await?;
        services.live_sessions.spawn_watch(
            store.clone(),
            clock.clone(),
            services.config.session_revalidate_interval(),
        );
        crate::auth::session_use::spawn_flush(
            services.sessions.used.clone(),
            store.clone(),
            clock.clone(),
            services.config.session_use_flush_interval(),
        );
        naps::spawn_nap_watch(services.clone(), services.config.nap_watch_interval());
        roster::spawn_placement_watch(services.clone());
        if let Some(every) = services.config.arrival_watch_interval() {
            safety::arrival_watch::spawn_arrival_watch(services.clone(), every);
        }
        crate::audit::log::start_retention(services.clone()).await;
        Ok(services)
    }

    /// Wakes what acts on committed writes: the event tailer and the push worker.
    pub fn after_commit(&self) {
        self.bus.notify_committed();
        self.push.wake();
    }

    /// The scope of `entity`, or NOT_FOUND.
    pub(crate) async fn scope(&self, entity: EntityRef) -> AppResult<crate::domain::Scope> {
        self.store.scope_of(entity).await?.ok_or(AppError::NotFound)
    }

    /// The child with their scope, and "today" at their nursery with its offset; NOT_FOUND
    /// for an unknown child. No authorization: for a caller already authorized on something
    /// that names the child (an absence report, say); otherwise `authorized_child`.
    async fn placed_child(&self, child_id: Id) -> AppResult<(PlacedChild, time::Date, time::UtcOffset)> {
        let placed = self.children.load(child_id).await?.ok_or(AppError::NotFound)?;
        let offset = offset_from_minutes(placed.utc_offset_minutes);
        Ok((placed, self.clock.now().local_date(offset), offset))
    }

    /// The one way a service loads a child and authorizes the caller on it: the child with its
    /// scope through the `children` coalescer (one read, shared with concurrent requests), then
    /// the first of `actions` the caller may perform on it. Refused: NOT_FOUND or FORBIDDEN as
    /// the policy answers (by whether the caller can see the child, whichever action was
    /// asked); an unknown child is NOT_FOUND, as one the caller cannot see.
    pub(crate) async fn authorized_child(
        &self,
        actor: &Actor,
        child_id: Id,
        actions: &[Action],
    ) -> AppResult<AuthorizedChild> {
        let (placed, today, offset) = self.placed_child(child_id).await?;
        let Some(action) = actions.iter().copied().find(|a| actor.may(*a, &placed.scope)) else {
            // Refused: NOT_FOUND or FORBIDDEN, as the policy tells the caller.
            actor.authorize(actions[0], &placed.scope)?;
            return Err(AppError::Forbidden);
        };
        Ok(AuthorizedChild {
            placed,
            action,
            today,
            offset,
        })
    }

    /// The calendar date "today" at the nursery, and its offset.
    async fn nursery_today(&self, nursery_id: Id) -> AppResult<(time::Date, time::UtcOffset)> {
        let nursery = self.store.nursery(nursery_id).await?.ok_or(AppError::NotFound)?;
        let offset = offset_from_minutes(nursery.utc_offset_minutes);
        Ok((self.clock.now().local_date(offset), offset))
    }
}
