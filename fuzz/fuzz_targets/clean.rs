#![no_main]

use claimcheck::source::Format;
use libfuzzer_sys::fuzz_target;

// The first byte picks plain text or Markdown; the rest is the file.
fuzz_target!(|data: &[u8]| {
    if let Some((first, rest)) = data.split_first() {
        let format = if first % 2 == 0 { Format::Text } else { Format::Markdown };
        claimcheck::invariants::read(rest, format);
    }
});
