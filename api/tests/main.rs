//! Tests of the `tawasol` binary itself: start-up, configuration errors, logs, shutdown.

mod binary;
