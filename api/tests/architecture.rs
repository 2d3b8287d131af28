//! The direction of the house, read from the code: every import of the application crate
//! (`api/app`, tawasol-app) and of the surfaces' crate (`api`, tawasol-api) points down the
//! layers, and no surface imports another.
//!
//! From the top: the binary (`main`), `startup` (assembles the surfaces), `openapi` (the
//! document, from the surfaces' parts), the surfaces (`rest`, `web`, `open311`, `feeds`), `http`
//! (what they share), the application's drivers (`worker`, the mail worker; `demo`, the demo
//! data), the use-cases, the application context, and the foundation (configuration, mail
//! rendering and transport, keys, caches, clock, strings…). Below them, other crates:
//! persistence, then domain (Cargo enforces those).
//!
//! The test reads every `crate::…` path (and, in the surfaces' crate, every `tawasol_app::…`
//! path) outside comments, maps both ends to their layer, and counts the imports that point back
//! up (to a higher layer, or from one surface into another). It prints the count and each such
//! import, and fails unless the count is zero.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layer of a top-level module, from 0 (the ground) up.
fn layer(module: &str) -> Option<(u8, &'static str)> {
    Some(match module {
        "main" => (8, "binary"),
        "startup" => (7, "startup"),
        "openapi" => (6, "openapi"),
        "rest" | "web" | "open311" | "feeds" => (5, "surfaces"),
        "http" => (4, "http"),
        "worker" | "demo" => (3, "drivers"),
        "usecases" => (2, "usecases"),
        "context" => (1, "context"),
        "auth" | "cache" | "client" | "clock" | "config" | "data_dir" | "html" | "i18n"
        | "mail" | "secrets" | "spreadsheet" | "vault" | "work" => (0, "foundation"),
        _ => return None,
    })
}

const SURFACES: [&str; 4] = ["rest", "web", "open311", "feeds"];

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file of `src` belongs to (`rest/issues.rs` → `rest`, `lib.rs` → `lib`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src");
    let first = relative
        .components()
        .next()
        .expect("a file")
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// The code of a file without its comments (line comments and doc comments; the code base has
/// no block comments) and without the contents of string literals.
fn code_of(text: &str) -> String {
    let mut code = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_string {
                if c == '\\' {
                    chars.next();
                } else if c == '"' {
                    in_string = false;
                    code.push('"');
                }
                continue;
            }
            if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' {
                in_string = true;
            }
            code.push(c);
        }
        code.push('\n');
    }
    code
}

/// The top-level modules a code names after `prefix` (`crate::`): `crate::usecases::x`,
/// `crate::{http::y, rest}` and `crate::{usecases::{self, z}}` name `usecases`, `http`, `rest`.
fn named_after(code: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of each item at the group's top level.
            let mut depth = 0;
            let mut item_start = true;
            let mut ident = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        if !ident.is_empty() {
                            names.push(std::mem::take(&mut ident));
                        }
                        item_start = true;
                        continue;
                    }
                    _ => {}
                }
                if item_start && depth == 0 {
                    if c.is_alphanumeric() || c == '_' {
                        ident.push(c);
                        continue;
                    }
                    if !ident.is_empty() {
                        names.push(std::mem::take(&mut ident));
                        item_start = false;
                    }
                }
            }
            if !ident.is_empty() {
                names.push(ident);
            }
        } else {
            let ident: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // `crate::routes!` is a macro at the crate's root, not a module.
            let macro_call = rest[ident.len()..].starts_with('!');
            if !ident.is_empty() && !macro_call {
                names.push(ident);
            }
        }
    }
    names
}

/// One import: from a module to a module, in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Import {
    file: String,
    from: String,
    to: String,
}

/// Every import between the top-level modules of the two crates.
fn imports() -> Vec<Import> {
    let api = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for (src, prefixes) in [
        (api.join("src"), &["crate::", "tawasol_app::"][..]),
        (api.join("app/src"), &["crate::"][..]),
    ] {
        let mut files = Vec::new();
        sources(&src, &mut files);
        for file in files {
            let from = module_of(&src, &file);
            let text = std::fs::read_to_string(&file).expect("a readable source");
            let code = code_of(&text);
            for prefix in prefixes {
                for to in named_after(&code, prefix) {
                    if to != from && to != "self" {
                        found.push(Import {
                            file: file
                                .strip_prefix(api)
                                .unwrap_or(&file)
                                .display()
                                .to_string(),
                            from: from.clone(),
                            to,
                        });
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Whether an import points back up: to a higher layer, or from one surface into another.
fn points_up(import: &Import) -> bool {
    let (Some((from, _)), Some((to, _))) = (layer(&import.from), layer(&import.to)) else {
        return false;
    };
    to > from
        || (SURFACES.contains(&import.from.as_str()) && SURFACES.contains(&import.to.as_str()))
}

#[test]
fn every_import_points_down_the_layers() {
    let all = imports();
    // Every module is placed: a new top-level module must be given its layer here.
    let unplaced: Vec<&Import> = all
        .iter()
        .filter(|i| i.from != "lib" && (layer(&i.from).is_none() || layer(&i.to).is_none()))
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer (give each one in `layer`): {unplaced:#?}"
    );
    let mut pairs: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for i in all.iter().filter(|i| i.from != "lib") {
        let from = layer(&i.from).map_or("?", |l| l.1);
        let to = layer(&i.to).map_or("?", |l| l.1);
        *pairs.entry((from, to)).or_default() += 1;
    }
    let up: Vec<&Import> = all.iter().filter(|i| points_up(i)).collect();
    eprintln!("imports between layers (files × modules named):");
    for ((from, to), n) in &pairs {
        eprintln!("  {from:>10} → {to:<10} {n}");
    }
    eprintln!("imports that point back up the layers: {}", up.len());
    for i in &up {
        eprintln!("  {}: {} → {}", i.file, i.from, i.to);
    }
    assert!(up.is_empty(), "{} imports point back up: {up:#?}", up.len());
}

#[test]
fn the_application_crate_cannot_reach_a_surface() {
    // Cargo is the guarantee: tawasol-app does not depend on tawasol-api, so no use-case can
    // import a surface, start-up or the OpenAPI assembly.
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("app/Cargo.toml"))
            .expect("the application crate's manifest");
    let manifest: toml::Table = manifest.parse().expect("TOML");
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        if let Some(deps) = manifest.get(section).and_then(|d| d.as_table()) {
            assert!(
                !deps.contains_key("tawasol-api"),
                "tawasol-app's {section} name tawasol-api"
            );
        }
    }
}

#[test]
fn the_reader_finds_every_form_of_import() {
    let code = code_of(
        "use crate::usecases::issues;\n\
         use crate::{http::problem::ApiError, rest, web::{self, Visitor}};\n\
         // use crate::startup;\n\
         let s = \"crate::openapi\"; crate::context::AppState;\n",
    );
    let mut names = named_after(&code, "crate::");
    names.sort();
    assert_eq!(names, ["context", "http", "rest", "usecases", "web"]);
    assert!(points_up(&Import {
        file: String::new(),
        from: "usecases".into(),
        to: "rest".into()
    }));
    assert!(points_up(&Import {
        file: String::new(),
        from: "rest".into(),
        to: "web".into()
    }));
    assert!(!points_up(&Import {
        file: String::new(),
        from: "web".into(),
        to: "http".into()
    }));
}
