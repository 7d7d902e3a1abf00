namespace VibeCheck.Web.Tests;

/// <summary>
/// A fact that needs Debian's chromium (<c>scripts/install-prerequisites.sh</c> installs it). Skipped, with the reason
/// shown in the test report, only when <see cref="ExecutablePath"/> is missing; any other failure to launch fails.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"{ExecutablePath} is missing: install Debian's chromium (scripts/install-prerequisites.sh) to run the browser test.";
        }
    }
}
