//! `hostile`: what a hostile document costs the server. Throws a corpus of documents made to
//! be expensive (fragment fan-outs, alias and directive floods, deep nesting, many operations,
//! huge variables) at the real server, anonymously, and prints each one's answer and the
//! server's CPU per request, then the worst. The target is well under 50 ms each.

use std::time::Instant;

use serde_json::{json, Value};
use tsunagu_client::{Client, ServerProcess};

/// Each document is sent this many times; CPU is read from `/proc` in 10 ms ticks.
const REPEATS: usize = 20;

/// The corpus: a name and a request body.
pub fn corpus() -> Vec<(&'static str, Value)> {
    let mut fan_out = String::from("query { ...F0 }\n");
    for level in 0..25 {
        fan_out.push_str(&format!(
            "fragment F{level} on Query {{ ...F{n} ...F{n} }}\n",
            n = level + 1
        ));
    }
    fan_out.push_str("fragment F25 on Query { __typename }\n");

    let aliases: String = (0..3000).map(|i| format!("a{i}:__typename ")).collect();
    let directives: String = (0..2000).map(|_| "@skip(if:false)").collect();
    let deep = format!(
        "{{ __schema {{ types {{ fields {{ type {}{}}} }} }} }}",
        "{ ofType ".repeat(40),
        "{ name } ".to_owned() + &"} ".repeat(40)
    );
    let operations: String = (0..1500).map(|i| format!("query Q{i} {{ __typename }} ")).collect();
    let nested_list = format!(
        "{{ __type(name: {}\"x\"{}) {{ name }} }}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let big_variable: Vec<String> = (0..4000).map(|i| format!("value-{i:08}")).collect();
    vec![
        (
            "fragment fan-out (25 levels, 2 spreads each)",
            json!({"query": fan_out}),
        ),
        (
            "alias flood (3,000 aliases)",
            json!({"query": format!("{{ {aliases} }}")}),
        ),
        (
            "directive flood (2,000 on one field)",
            json!({"query": format!("{{ __typename {directives} }}")}),
        ),
        ("deep nesting (40 levels)", json!({"query": deep})),
        (
            "many operations (1,500), one chosen",
            json!({"query": operations, "operationName": "Q1"}),
        ),
        ("nested list literal (5,000 levels)", json!({"query": nested_list})),
        (
            "huge variables (4,000 strings)",
            json!({"query": "query($e: String!, $p: String!) { __typename }", "variables": {"e": "x", "p": "y", "big": big_variable}}),
        ),
        (
            "introspection (graphql-js getIntrospectionQuery)",
            json!({"query": include_str!("../../../tests/api/introspection.graphql")}),
        ),
    ]
}

pub async fn run(url: &str, binary: &std::path::Path) -> anyhow::Result<()> {
    let server = ServerProcess::spawn(binary, &crate::server_env(url)).await?;
    let client = Client::new(&server.base_url);
    let pid = server.pid();
    let mut worst: (f64, &str) = (0.0, "");
    for (name, body) in corpus() {
        let before = pid.and_then(crate::cpu::process_seconds).unwrap_or(0.0);
        let started = Instant::now();
        let mut answer = String::new();
        for _ in 0..REPEATS {
            let response = client.post_json(body.clone()).await?;
            answer = match response.code() {
                Some(code) => code.to_owned(),
                None if response.errors.is_empty() => "answered".to_owned(),
                None => format!("error: {}", response.errors[0]["message"]),
            };
        }
        let cpu_ms = (pid.and_then(crate::cpu::process_seconds).unwrap_or(0.0) - before) / REPEATS as f64 * 1e3;
        let wall_ms = started.elapsed().as_secs_f64() / REPEATS as f64 * 1e3;
        println!("{name}: {answer}; server CPU {cpu_ms:.2} ms per request, {wall_ms:.2} ms wall");
        if cpu_ms > worst.0 {
            worst = (cpu_ms, name);
        }
    }
    println!("worst server CPU per request: {:.2} ms ({})", worst.0, worst.1);
    Ok(())
}
