//! The twin root of live subscriptions stays the mirror of the published subscription root.

use async_graphql::parser::types::{ServiceDocument, TypeKind, TypeSystemDefinition};
use async_graphql::{EmptyMutation, EmptySubscription, Schema};

use super::super::live_fields::LiveField;
use super::DeliveryRoot;

/// `Subscription`'s fields as `name(argument: Type, …)`, from an SDL.
fn subscription_fields(sdl: &str) -> Vec<String> {
    let document: ServiceDocument = async_graphql::parser::parse_schema(sdl).expect("an SDL");
    let fields = document
        .definitions
        .into_iter()
        .find_map(|definition| match definition {
            TypeSystemDefinition::Type(ty) if ty.node.name.node == "Subscription" => match ty.node.kind {
                TypeKind::Object(object) => Some(object.fields),
                _ => None,
            },
            _ => None,
        })
        .expect("a Subscription type");
    let mut fields: Vec<String> = fields
        .into_iter()
        .map(|field| {
            let arguments: Vec<String> = field
                .node
                .arguments
                .iter()
                .map(|a| format!("{}: {}", a.node.name.node, a.node.ty.node))
                .collect();
            format!("{}({})", field.node.name.node, arguments.join(", "))
        })
        .collect();
    fields.sort();
    fields
}

/// The twin root answers exactly the published subscription fields with the same
/// arguments, and the lean path knows each of them: a field added to one root and not the
/// other fails here instead of validating subscriptions differently.
#[test]
fn the_twin_root_mirrors_the_subscription_root() {
    let published = subscription_fields(&crate::graphql::sdl());
    let twin = Schema::build(DeliveryRoot, EmptyMutation, EmptySubscription)
        .finish()
        .sdl();
    // The twin is the query root of its schema, named `Subscription`.
    assert_eq!(subscription_fields(&twin), published);
    for field in &published {
        let name = field.split('(').next().unwrap_or_default();
        assert!(LiveField::from_name(name).is_some(), "{name} is not a live field");
    }
    // Every declared field is published, and nothing else.
    assert_eq!(published.len(), LiveField::ALL.len(), "{published:?}");
}
