//! Tests of the `tawasol` binary itself: start-up, configuration errors, logs, shutdown, the
//! permissions of what it writes, and the documented production examples.

mod architecture;
mod binary;
mod examples;
