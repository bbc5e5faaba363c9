//! Progress bars for long imports (indicatif), hidden when output is not a terminal.

use indicatif::{ProgressBar, ProgressStyle};
use std::sync::Mutex;

/// An import progress bar.
pub(crate) struct Bar(Mutex<Option<ProgressBar>>);

impl Bar {
    pub(crate) fn new() -> Bar {
        Bar(Mutex::new(None))
    }
}

impl huoyan_import::Progress for Bar {
    fn start(&self, label: &str, total: Option<u64>) {
        let bar = match total {
            Some(n) => ProgressBar::new(n).with_style(
                ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} ({eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner(),
        };
        bar.set_message(label.to_string());
        if let Ok(mut b) = self.0.lock() {
            *b = Some(bar);
        }
    }

    fn advance(&self, n: u64) {
        if let Ok(b) = self.0.lock()
            && let Some(b) = b.as_ref()
        {
            b.inc(n);
        }
    }

    fn finish(&self) {
        if let Ok(mut b) = self.0.lock()
            && let Some(b) = b.take()
        {
            b.finish_and_clear();
        }
    }
}
