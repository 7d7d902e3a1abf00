namespace VibeCheck.Cameras;

/// <summary>Why a frame could not be fetched.</summary>
public enum FrameFetchFailure
{
    None,
    NotFound,
    ServerError,
    Timeout,
    ConnectionFailed,
    TooLarge,
    NotAJpeg,
}

/// <summary>The outcome of one image request: a JPEG, or a failure with its reason.</summary>
public sealed record FrameFetchResult(
    byte[]? Jpeg,
    FrameFetchFailure Failure,
    string? Error,
    int? HttpStatus,
    DateTimeOffset? LastModified,
    TimeSpan Elapsed)
{
    public bool IsSuccess => Failure == FrameFetchFailure.None;

    public static FrameFetchResult Ok(byte[] jpeg, int status, DateTimeOffset? lastModified, TimeSpan elapsed) =>
        new(jpeg, FrameFetchFailure.None, null, status, lastModified, elapsed);

    public static FrameFetchResult Fail(FrameFetchFailure failure, string error, int? status, TimeSpan elapsed) =>
        new(null, failure, error, status, null, elapsed);
}
