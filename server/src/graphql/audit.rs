//! Opens the audit trail around every GraphQL operation (who, from where), names each root
//! mutation while it runs so its writes are recorded in their own transactions, and writes the
//! operation's reads of child-level data before the answer is sent. If those reads cannot be
//! recorded, the answer is withheld: no child-level data leaves without its trail.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextExecute, NextResolve, ResolveInfo};
use async_graphql::{Response, ServerResult, Value};

use super::RequestContext;
use crate::service::Services;

pub struct AuditTrail;

impl ExtensionFactory for AuditTrail {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AuditTrailExtension)
    }
}

struct AuditTrailExtension;

#[async_trait::async_trait]
impl Extension for AuditTrailExtension {
    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let request = ctx.data_opt::<RequestContext>();
        let actor_id = request.and_then(|r| r.actor.as_ref()).map(|a| a.user.id);
        let client_addr = request.and_then(|r| r.client_ip).map(|ip| ip.to_string());
        let services = ctx.data_opt::<Services>();
        // A schema run without services (printing it, its own tests) dates reads by the wall.
        let clock = services.map_or_else(crate::clock::system, |s| s.clock.clone());
        let (response, reads) =
            crate::audit::with_trail(clock, actor_id, client_addr, next.run(ctx, operation_name)).await;
        if reads.is_empty() {
            return response;
        }
        let Some(services) = services else {
            return response;
        };
        match services.audit.record(reads).await {
            Ok(()) => response,
            Err(error) => {
                tracing::error!(error = ?error, "answer withheld: the audit trail could not be recorded");
                let error = async_graphql::Error::from(error).into_server_error(async_graphql::Pos::default());
                Response::from_errors(vec![error])
            }
        }
    }

    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        // Root mutation fields run one after another, so one name at a time is enough.
        if info.parent_type == "Mutation" {
            let _mutation = crate::audit::begin_mutation(info.name);
            next.run(ctx, info).await
        } else {
            next.run(ctx, info).await
        }
    }
}
