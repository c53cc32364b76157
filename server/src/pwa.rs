//! The service worker, made once at start-up from the names of this build's hashed assets.

use leptos::prelude::LeptosOptions;

const TEMPLATE: &str = include_str!("sw.js");

/// Files every page needs, precached when the worker installs.
fn assets(options: &LeptosOptions, hashes: &str) -> Vec<String> {
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let hash = |kind: &str| {
        hashes
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.trim() == kind)
            .map(|(_, h)| format!(".{}", h.trim()))
            .unwrap_or_default()
    };
    let mut assets: Vec<String> = ["js", "wasm", "css"]
        .iter()
        .map(|kind| format!("{pkg}{}.{kind}", hash(kind)))
        .collect();
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
    render(options, &hashes)
}

/// Its text changes with every build (the hashes) or, without hashed files, with every
/// start: a changed script is what makes browsers install the new version.
fn render(options: &LeptosOptions, hashes: &str) -> String {
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
    let assets = serde_json::to_string(&assets(options, hashes)).unwrap_or_else(|_| "[]".into());
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
        let assets = assets(&options, "js: abc\nwasm: def\ncss: ghi\n");
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
        let old = render(&options, "js: a1\nwasm: b1\ncss: c1\n");
        let new = render(&options, "js: a2\nwasm: b2\ncss: c2\n");
        assert_ne!(old, new);
        assert!(new.contains(r#"const VERSION = "a2-b2-c2";"#));
        assert!(new.contains(r#""/pkg/tandem.b2.wasm""#));
        assert!(!new.contains("__"), "every placeholder filled");
    }
}
