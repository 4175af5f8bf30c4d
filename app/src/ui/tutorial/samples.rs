//! The sample pictures of `assets/samples/`, compiled into the binary: a
//! kiosk laptop has no file to lose, and a tutorial can open one with a
//! single button instead of a file dialog a first-timer would get lost in.

/// Every sample: file name and bytes.
pub const SAMPLES: [(&str, &[u8]); 2] = [
    (
        "feuille.png",
        include_bytes!("../../../../assets/samples/feuille.png"),
    ),
    (
        "chat.jpg",
        include_bytes!("../../../../assets/samples/chat.jpg"),
    ),
];

/// The bytes of the sample called `name`.
pub fn sample(name: &str) -> Option<&'static [u8]> {
    SAMPLES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, bytes)| *bytes)
}
