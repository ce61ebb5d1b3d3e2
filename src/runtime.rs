//! What a `no_std` .wasm needs from the crate itself, and only the shipped one: the npm build
//! enables the `wasm-runtime` feature; native builds and the wasm test binaries take both
//! from `std`.

/// The allocator std would use on wasm32 (dlmalloc), declared here since there is no std.
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

/// A panic is a bug: stop at once. Formatting its message would cost size for text nobody
/// can see; the JavaScript side reports the trap as a `RuntimeError`.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
