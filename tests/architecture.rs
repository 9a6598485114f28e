//! The shape of the code base: small files and functions, and imports that
//! run one way. Read from the sources, so a change that breaks the shape
//! fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module of `src/`: its path (`timex::forms::clock`) and its code, tests
/// and comments left out.
struct Module {
    name: String,
    file: PathBuf,
    code: String,
}

fn modules() -> Vec<Module> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("walk src");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&root).expect("under src").with_extension("");
        let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
            parts.pop();
        }
        // A file of tests only (`mod tests;`) is not code.
        if parts.last().is_some_and(|p| p == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read source");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let code: String = code
            .lines()
            .map(|l| match l.find("//") {
                Some(i) if !l[..i].contains('"') => &l[..i],
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        out.push(Module {
            name: parts.join("::"),
            file: path.to_path_buf(),
            code,
        });
    }
    out
}

#[test]
fn no_source_file_over_800_lines_of_code() {
    for m in modules() {
        let lines = m.code.lines().filter(|l| !l.trim().is_empty()).count();
        assert!(lines <= 800, "{}: {lines} lines of code", m.file.display());
    }
}

#[test]
fn no_function_over_120_lines() {
    for m in modules() {
        let lines: Vec<&str> = m.code.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn ", "const fn "]
                .iter()
                .any(|p| trimmed.starts_with(p));
            if !is_fn || trimmed.ends_with(';') {
                continue;
            }
            let indent = &line[..line.len() - trimmed.len()];
            let close = format!("{indent}}}");
            let end = lines[i..]
                .iter()
                .position(|l| *l == close)
                .map_or(lines.len(), |n| i + n);
            let length = end - i + 1;
            assert!(
                length <= 120,
                "{}:{}: a function of {length} lines",
                m.file.display(),
                i + 1
            );
        }
    }
}

/// The modules each module imports (`crate::a::b`, `super::x`, or a declared
/// child it names), at the deepest module that exists.
fn imports(mods: &[Module]) -> BTreeMap<String, BTreeSet<String>> {
    let names: BTreeSet<&str> = mods.iter().map(|m| m.name.as_str()).collect();
    let deepest = |path: &[&str]| -> Option<String> {
        (1..=path.len())
            .rev()
            .map(|k| path[..k].join("::"))
            .find(|p| names.contains(p.as_str()))
    };
    let mut out = BTreeMap::new();
    for m in mods {
        let own: Vec<&str> = if m.name.is_empty() {
            Vec::new()
        } else {
            m.name.split("::").collect()
        };
        let mut deps = BTreeSet::new();
        for (at, _) in m.code.match_indices("crate::") {
            let path = path_at(&m.code[at + 7..]);
            deps.extend(deepest(&path));
            // `use crate::a::{b, c::d}`
            if let Some(group) = m.code[at + 7..]
                .split_once('{')
                .filter(|(head, _)| path.len() == head.matches("::").count())
            {
                if let Some((items, _)) = group.1.split_once('}') {
                    for item in items.split(',') {
                        let mut full = path.clone();
                        full.extend(path_at(item.trim()));
                        deps.extend(deepest(&full));
                    }
                }
            }
        }
        // `super` is the parent module, whether the file is `x.rs` or `x/mod.rs`.
        let parent = &own[..own.len().saturating_sub(1)];
        for (at, _) in m.code.match_indices("super::") {
            let mut full = parent.to_vec();
            full.extend(path_at(&m.code[at + 7..]));
            deps.extend(deepest(&full));
        }
        for line in m.code.lines() {
            let decl = line.trim().trim_start_matches("pub(crate) ").trim_start_matches("pub ");
            if let Some(child) = decl.strip_prefix("mod ").and_then(|c| c.strip_suffix(';')) {
                if m.code.contains(&format!("{child}::")) {
                    let mut full = own.clone();
                    full.push(child);
                    deps.extend(deepest(&full));
                }
            }
        }
        deps.remove(&m.name);
        deps.remove("");
        out.insert(m.name.clone(), deps);
    }
    out
}

/// The lowercase path segments at the start of `s`: `a::b::C` → [a, b].
fn path_at(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let n = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(rest.len());
        if n == 0 {
            break;
        }
        out.push(&rest[..n]);
        match rest[n..].strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    out
}

#[test]
fn imports_form_no_cycle() {
    let deps = imports(&modules());
    // Depth-first search for a back edge, reporting the cycle it closes.
    fn visit(
        m: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) {
        state.insert(m.to_string(), 1);
        stack.push(m.to_string());
        for d in deps.get(m).into_iter().flatten() {
            match state.get(d.as_str()) {
                Some(1) => {
                    let from = stack.iter().position(|s| s == d).unwrap_or(0);
                    panic!("import cycle: {} -> {d}", stack[from..].join(" -> "));
                }
                Some(_) => {}
                None => visit(d, deps, state, stack),
            }
        }
        stack.pop();
        state.insert(m.to_string(), 2);
    }
    let mut state = BTreeMap::new();
    for m in deps.keys() {
        if !state.contains_key(m.as_str()) {
            visit(m, &deps, &mut state, &mut Vec::new());
        }
    }
}

#[test]
fn lower_layers_import_nothing_above_them() {
    let deps = imports(&modules());
    // The temporal grammar, the shared grammar pieces and the word data sit
    // below the stages that read documents.
    let above = [
        "extract", "source", "corpus", "rules", "report", "analysis", "graph", "cli",
    ];
    for (m, ds) in &deps {
        let low = ["lexicon", "grammar", "timex"]
            .iter()
            .any(|l| m == l || m.starts_with(&format!("{l}::")));
        if !low {
            continue;
        }
        for d in ds {
            assert!(
                !above.iter().any(|a| d == a || d.starts_with(&format!("{a}::"))),
                "{m} imports {d}, a stage above it"
            );
        }
    }
    // Nothing reaches into the temporal grammar's inner modules from outside.
    for (m, ds) in &deps {
        if m.starts_with("timex") {
            continue;
        }
        let inner: Vec<&String> = ds.iter().filter(|d| d.starts_with("timex::")).collect();
        assert!(inner.is_empty(), "{m} imports {inner:?}: use what `timex` exports");
    }
}

#[test]
fn the_import_reader_sees_imports() {
    // The checks above are only as good as this reader: a module that is known
    // to import others must show them.
    let deps = imports(&modules());
    let extract = &deps["extract"];
    assert!(extract.contains("timex"), "{extract:?}");
    assert!(
        deps["extract::person"].contains("extract::mention"),
        "{:?}",
        deps["extract::person"]
    );
    assert!(deps["timex::resolve"].contains("timex::resolve::calendar"));
}
