//! The animator's PIN as the configuration file keeps it: a salted
//! PBKDF2-HMAC-SHA256 hash (RustCrypto's `pbkdf2`), never the digits. A
//! file copied off the laptop or read by another account no longer gives
//! the PIN away at a glance, and the same PIN on two kiosks hashes
//! differently.
//!
//! Written as `pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>`, so the
//! number of rounds can grow later without breaking older files.
//!
//! Current limitations: a 4-digit PIN has 10,000 values; with the file in
//! hand they are all tried in minutes whatever the hash. The hash keeps
//! the PIN from being *read*; keep the file private (`chmod 600`) so it
//! cannot be *tried*, and prefer 6 digits.

use sha2::Sha256;

/// PBKDF2 rounds: about 50 ms on an old laptop, once per typed PIN.
pub const ROUNDS: u32 = 100_000;

const SCHEME: &str = "pbkdf2-sha256";
const SALT_BYTES: usize = 16;
const HASH_BYTES: usize = 32;

/// The stored form of `pin` (spaces around it are not part of it), with a
/// fresh random salt. `None` when the system has no randomness to give.
pub fn hash_pin(pin: &str) -> Option<String> {
    let mut salt = [0u8; SALT_BYTES];
    getrandom::fill(&mut salt).ok()?;
    Some(hash_with(pin.trim(), &salt, ROUNDS))
}

fn hash_with(pin: &str, salt: &[u8], rounds: u32) -> String {
    let mut hash = [0u8; HASH_BYTES];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, rounds, &mut hash);
    format!("{SCHEME}${rounds}${}${}", hex(salt), hex(&hash))
}

/// `true` when `typed` is the PIN whose stored form is `stored`. A
/// malformed stored form matches nothing.
pub fn verify(typed: &str, stored: &str) -> bool {
    let Some((rounds, salt, hash)) = parse(stored) else {
        return false;
    };
    let mut computed = vec![0u8; hash.len()];
    pbkdf2::pbkdf2_hmac::<Sha256>(typed.trim().as_bytes(), &salt, rounds, &mut computed);
    // Compare every byte, so the time taken says nothing of where they differ.
    computed
        .iter()
        .zip(&hash)
        .fold(0u8, |diff, (a, b)| diff | (a ^ b))
        == 0
}

/// `true` when `stored` has the form [`hash_pin`] writes.
pub fn is_well_formed(stored: &str) -> bool {
    parse(stored).is_some()
}

fn parse(stored: &str) -> Option<(u32, Vec<u8>, Vec<u8>)> {
    let mut parts = stored.trim().split('$');
    if parts.next()? != SCHEME {
        return None;
    }
    let rounds: u32 = parts.next()?.parse().ok()?;
    let salt = unhex(parts.next()?)?;
    let hash = unhex(parts.next()?)?;
    // A file asking for a billion rounds would freeze the PIN dialog.
    let usable = (1..=10 * ROUNDS).contains(&rounds) && !salt.is_empty() && hash.len() >= 16;
    (usable && parts.next().is_none()).then_some((rounds, salt, hash))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_pin_only() {
        let stored = hash_pin(" 2468 ").unwrap();
        assert!(stored.starts_with("pbkdf2-sha256$100000$"));
        assert_ne!(stored.trim(), "2468");
        assert!(verify("2468", &stored));
        assert!(verify(" 2468\n", &stored));
        assert!(!verify("2469", &stored));
        assert!(!verify("", &stored));
        assert_ne!(hash_pin("2468").unwrap(), stored, "a fresh salt each time");
    }

    #[test]
    fn a_known_vector_is_reproduced() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64), first 32 bytes.
        let stored = hash_with("passwd", b"salt", 1);
        assert!(
            stored.ends_with("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
        );
    }

    #[test]
    fn malformed_hashes_match_nothing() {
        for stored in [
            "",
            "2468",
            "pbkdf2-sha256$100000$zz$00",
            "pbkdf2-sha256$0$0011$00112233445566778899aabbccddeeff",
            "pbkdf2-sha256$4000000000$0011$00112233445566778899aabbccddeeff",
            "md5$1$00$00",
        ] {
            assert!(!is_well_formed(stored), "{stored}");
            assert!(!verify("2468", stored), "{stored}");
        }
    }
}
