//! The published schema: `schema/schema.graphql` is generated from the code, and it keeps the
//! client contract (`../shared/api/contract.graphql`) — every name, with a compatible shape.

use std::collections::HashMap;
use std::path::PathBuf;

use async_graphql_parser::types::{BaseType, ServiceDocument, Type, TypeKind, TypeSystemDefinition};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned()
}

fn served_schema() -> String {
    let output = std::process::Command::new(crate::helpers::binary())
        .arg("print-schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn published_schema_matches_the_code() {
    let published = std::fs::read_to_string(workspace_root().join("schema/schema.graphql")).unwrap_or_default();
    assert!(
        published == served_schema(),
        "schema/schema.graphql is out of date; regenerate it with\n    cargo run -p tsunagu -- print-schema > schema/schema.graphql"
    );
}

/// Contract names not served yet, each with the issue that brings it. Remove a name when it
/// lands: the test fails while a listed name is already served.
const NOT_YET_SERVED: &[&str] = &[];

#[derive(Debug)]
enum Def {
    Scalar,
    Enum(Vec<String>),
    Object(HashMap<String, (Type, HashMap<String, Type>)>),
    Input(HashMap<String, Type>),
}

fn definitions(sdl: &str) -> HashMap<String, Def> {
    let document: ServiceDocument = async_graphql_parser::parse_schema(sdl).expect("valid SDL");
    let mut defs = HashMap::new();
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let ty = ty.node;
        let def = match ty.kind {
            TypeKind::Scalar => Def::Scalar,
            TypeKind::Enum(e) => Def::Enum(e.values.into_iter().map(|v| v.node.value.node.to_string()).collect()),
            TypeKind::Object(o) => Def::Object(
                o.fields
                    .into_iter()
                    .map(|f| {
                        let f = f.node;
                        let args = f
                            .arguments
                            .into_iter()
                            .map(|a| (a.node.name.node.to_string(), a.node.ty.node))
                            .collect();
                        (f.name.node.to_string(), (f.ty.node, args))
                    })
                    .collect(),
            ),
            TypeKind::InputObject(i) => Def::Input(
                i.fields
                    .into_iter()
                    .map(|f| (f.node.name.node.to_string(), f.node.ty.node))
                    .collect(),
            ),
            _ => continue,
        };
        defs.insert(ty.name.node.to_string(), def);
    }
    defs
}

/// Same named types and list nesting; ours non-null wherever the contract is.
fn output_compatible(ours: &Type, contract: &Type) -> bool {
    (contract.nullable || !ours.nullable)
        && match (&ours.base, &contract.base) {
            (BaseType::Named(a), BaseType::Named(b)) => a == b,
            (BaseType::List(a), BaseType::List(b)) => output_compatible(a, b),
            _ => false,
        }
}

#[test]
fn schema_keeps_the_client_contract() {
    let contract_path = workspace_root().join("../shared/api/contract.graphql");
    let Ok(contract) = std::fs::read_to_string(&contract_path) else {
        eprintln!("SKIPPED: no client contract at {}", contract_path.display());
        return;
    };
    let contract = definitions(&contract);
    let ours = definitions(&served_schema());
    let pending = |name: &str| NOT_YET_SERVED.contains(&name);
    let mut problems = Vec::new();
    let mut still_listed = Vec::new();

    for (name, def) in &contract {
        let Some(served) = ours.get(name) else {
            if !pending(name) {
                problems.push(format!("type {name} is missing"));
            }
            continue;
        };
        if pending(name) {
            still_listed.push(name.clone());
        }
        match (def, served) {
            (Def::Scalar, Def::Scalar) => {}
            (Def::Enum(values), Def::Enum(served_values)) => {
                for value in values.iter().filter(|v| !served_values.contains(v)) {
                    problems.push(format!("enum {name} lacks {value}"));
                }
            }
            (Def::Input(fields), Def::Input(served_fields)) => {
                for (field, ty) in fields {
                    match served_fields.get(field) {
                        Some(served_ty) if served_ty == ty => {}
                        other => problems.push(format!("input {name}.{field}: contract {ty}, served {other:?}")),
                    }
                }
                for (field, ty) in served_fields {
                    if !fields.contains_key(field) && !ty.nullable {
                        problems.push(format!("input {name}.{field} is required but not in the contract"));
                    }
                }
            }
            (Def::Object(fields), Def::Object(served_fields)) => {
                for (field, (ty, args)) in fields {
                    let path = format!("{name}.{field}");
                    let Some((served_ty, served_args)) = served_fields.get(field) else {
                        if !pending(&path) {
                            problems.push(format!("field {path} is missing"));
                        }
                        continue;
                    };
                    if pending(&path) {
                        still_listed.push(path.clone());
                    }
                    if !output_compatible(served_ty, ty) {
                        problems.push(format!("field {path}: contract {ty}, served {served_ty}"));
                    }
                    for (arg, arg_ty) in args {
                        if served_args.get(arg) != Some(arg_ty) {
                            problems.push(format!(
                                "argument {path}({arg}): contract {arg_ty}, served {:?}",
                                served_args.get(arg)
                            ));
                        }
                    }
                    for (arg, arg_ty) in served_args {
                        if !args.contains_key(arg) && !arg_ty.nullable {
                            problems.push(format!("argument {path}({arg}) is required but not in the contract"));
                        }
                    }
                }
            }
            (expected, served) => problems.push(format!("{name}: contract {expected:?}, served {served:?}")),
        }
    }
    assert!(
        problems.is_empty(),
        "the schema breaks the client contract:\n{}",
        problems.join("\n")
    );
    assert!(
        still_listed.is_empty(),
        "served now, remove from NOT_YET_SERVED: {still_listed:?}"
    );
}
