//! The kiosk's configuration through the real UI: the PIN kept only as a
//! hash, the banner warning of a file every account can read, folders of
//! the system and trivial PINs refused, and the PIN lock that outlives a
//! restart (see `ui_kiosk` for the visitor's side).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use ui_support::kiosk_lab::*;

#[test]
fn a_pin_written_in_clear_is_kept_only_as_its_hash() {
    let lab = Lab::new();
    let config = lab.configure();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let mut harness = lab.app(&config);
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(!text.contains(&format!("\"{PIN}\"")), "{text}");
    assert!(text.contains("animator_pin_hash"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&config).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The PIN still unlocks.
    request_close(&mut harness);
    type_pin(&mut harness, PIN);
    assert!(harness.state().close_confirmed());
}

#[cfg(unix)]
#[test]
fn a_config_readable_by_everyone_is_said_in_the_banner() {
    use std::os::unix::fs::PermissionsExt;
    let lab = Lab::new();
    let config = lab.configure();
    let hashed = fabrique::ui::kiosk::config::KioskConfig::load(&config)
        .unwrap()
        .with_hashed_pin()
        .unwrap();
    std::fs::write(&config, hashed.to_json()).unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let harness = lab.app(&config);
    assert!(has_text(&harness, "can be read by every account"));
    assert!(has_text(&harness, "chmod 600"));
}

#[test]
fn a_config_opening_the_system_is_refused_in_words() {
    let lab = Lab::new();
    for (text, words) in [
        (
            r#"{"export_folder": "/", "animator_pin": "2468", "language": "en"}"#,
            "hors des dossiers du système",
        ),
        (
            r#"{"export_folder": "/media/cle", "animator_pin": "2468", "language": "en", "import_folders": ["/etc"]}"#,
            "hors des dossiers du système",
        ),
        (
            r#"{"export_folder": "/media/cle", "animator_pin": "0000", "language": "en"}"#,
            "0000, 1234",
        ),
    ] {
        let harness = lab.app(&lab.write_config(text));
        assert!(has_text(&harness, words), "{text}");
        // An invalid file has no language: the system's (French) is used.
        assert!(
            has_text(&harness, "Enregistrer et exporter sont désactivés"),
            "{text}"
        );
    }
}

#[test]
fn the_pin_lock_outlives_a_restart_and_grows() {
    let lab = Lab::new();
    let config = lab.configure();
    let mut harness = lab.app(&config);
    request_close(&mut harness);
    for _ in 0..fabrique::ui::kiosk::pin::MAX_FAILURES {
        type_pin(&mut harness, "1357");
    }
    assert!(has_text(&harness, "Wait 1 minute,"));
    drop(harness);
    // Restarting Fabrique does not give a new series of tries.
    let mut harness = lab.app(&config);
    request_close(&mut harness);
    type_pin(&mut harness, PIN);
    assert!(!harness.state().close_confirmed());
    assert!(has_text(&harness, "Too many wrong PINs"));
}
