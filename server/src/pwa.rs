//! The service worker, made once at start-up from the names of this build's hashed assets.

use leptos::prelude::LeptosOptions;
use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

const TEMPLATE: &str = include_str!("sw.js");

/// The hash of one kind of file in `hash.txt` (`js: …`, `split: …`), when the build hashed names.
fn hash<'a>(hashes: &'a str, kind: &str) -> Option<&'a str> {
    hashes
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim() == kind)
        .map(|(_, h)| h.trim())
}

/// A file name of the build: `stem.hash.ext` when names are hashed, else `stem.ext`.
fn named(stem: &str, hash: Option<&str>, ext: &str) -> String {
    match hash {
        Some(h) => format!("{stem}.{h}.{ext}"),
        None => format!("{stem}.{ext}"),
    }
}

/// Every file of the build, precached when the worker installs, so that every page opens
/// offline after one online visit: the main bundle, the chunk loader, and each page's chunks
/// as the build's split manifest lists them (`{ chunk: [file stem, …] }`).
fn assets(options: &LeptosOptions, hashes: &str, manifest: &str) -> Vec<String> {
    let pkg = format!("/{}", options.site_pkg_dir);
    let mut assets: Vec<String> = ["js", "wasm", "css"]
        .iter()
        .map(|kind| {
            format!(
                "{pkg}/{}",
                named(&options.output_name, hash(hashes, kind), kind)
            )
        })
        .collect();
    if !manifest.is_empty() {
        // cargo-leptos keeps this literal name when it does not hash.
        let loader = hash(hashes, "split").unwrap_or("______________________");
        assets.push(format!("{pkg}/__wasm_split.{loader}.js"));
    }
    let chunks: BTreeMap<String, Vec<String>> = serde_json::from_str(manifest).unwrap_or_default();
    let stems: BTreeSet<&String> = chunks.values().flatten().collect();
    assets.extend(stems.into_iter().map(|stem| format!("{pkg}/{stem}.wasm")));
    assets.extend(
        [
            "/manifest.webmanifest",
            "/favicon.svg",
            "/icons/icon-192.png",
            "/icons/icon-512.png",
            "/icons/maskable-512.png",
            "/icons/icon.svg",
        ]
        .map(String::from),
    );
    assets
}

/// The worker script for the build this binary belongs to.
pub fn service_worker(options: &LeptosOptions) -> String {
    let hashes = if options.hash_files {
        std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
            .and_then(|path| std::fs::read_to_string(path).ok())
            .unwrap_or_default()
    } else {
        String::new()
    };
    let manifest_name = named("__wasm_split_manifest", hash(&hashes, "manifest"), "json");
    let manifest = std::fs::read_to_string(
        Path::new(options.site_root.as_ref())
            .join(options.site_pkg_dir.as_ref())
            .join(manifest_name),
    )
    .unwrap_or_default();
    render(options, &hashes, &manifest)
}

/// Its text changes with every build (the hashes) or, without hashed files, with every
/// start: a changed script is what makes browsers install the new version.
fn render(options: &LeptosOptions, hashes: &str, manifest: &str) -> String {
    let version = if hashes.is_empty() {
        format!("start-{}", std::process::id())
    } else {
        hashes
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(_, h)| h.trim())
            .collect::<Vec<_>>()
            .join("-")
    };
    let assets =
        serde_json::to_string(&assets(options, hashes, manifest)).unwrap_or_else(|_| "[]".into());
    TEMPLATE
        .replace("__VERSION__", &version)
        .replace("__ASSETS__", &assets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hashed_assets_and_icons() {
        let options = LeptosOptions::builder().output_name("tandem").build();
        let assets = assets(&options, "js: abc\nwasm: def\ncss: ghi\n", "");
        assert_eq!(
            &assets[..3],
            [
                "/pkg/tandem.abc.js",
                "/pkg/tandem.def.wasm",
                "/pkg/tandem.ghi.css"
            ]
        );
        assert!(assets.contains(&"/manifest.webmanifest".to_owned()));
    }

    #[test]
    fn a_new_build_is_a_new_worker_with_its_own_cache() {
        let options = LeptosOptions::builder().output_name("tandem").build();
        let old = render(&options, "js: a1\nwasm: b1\ncss: c1\n", "");
        let new = render(&options, "js: a2\nwasm: b2\ncss: c2\n", "");
        assert_ne!(old, new);
        assert!(new.contains(r#"const VERSION = "a2-b2-c2";"#));
        assert!(new.contains(r#""/pkg/tandem.b2.wasm""#));
        for placeholder in ["__VERSION__", "__ASSETS__"] {
            assert!(!new.contains(placeholder), "{placeholder} filled");
        }
    }

    #[test]
    fn lists_the_chunk_loader_and_every_chunk_of_every_page_once() {
        let options = LeptosOptions::builder().output_name("tandem").build();
        let manifest = r#"{
            "sign_in_page": ["chunk_1.h1", "split_sign_in_page.h2"],
            "relationship_page": ["chunk_1.h1", "split_relationship_page.h3"]
        }"#;
        let assets = assets(&options, "js: a\nwasm: b\ncss: c\nsplit: d\n", manifest);
        for file in [
            "/pkg/__wasm_split.d.js",
            "/pkg/chunk_1.h1.wasm",
            "/pkg/split_sign_in_page.h2.wasm",
            "/pkg/split_relationship_page.h3.wasm",
        ] {
            assert_eq!(assets.iter().filter(|a| *a == file).count(), 1, "{file}");
        }
    }
}
