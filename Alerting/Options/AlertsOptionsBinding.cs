using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace VibeCheck.Alerting;

/// <summary>
/// Binds <c>Alerts</c> so that a value the binder cannot convert (an empty or misspelt boolean, "abc" for a number)
/// is reported as the validator reports a value out of range: an <see cref="OptionsValidationException"/> naming
/// the key, instead of an <see cref="InvalidOperationException"/> from inside the binder.
/// </summary>
internal static class AlertsOptionsBinding
{
    public static void Bind(IConfigurationSection section, AlertsOptions options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AlertsOptions), [WithoutValue(ex.Message)]);
        }
    }

    // The binder quotes the value it could not convert; a secret set under the wrong key must not reach the log.
    private static string WithoutValue(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, "^Failed to convert configuration value '.*' at '", "Failed to convert the configuration value at '",
            System.Text.RegularExpressions.RegexOptions.Singleline);

    public static AlertsOptions Get(IConfigurationSection section)
    {
        var options = new AlertsOptions();
        Bind(section, options);
        return options;
    }
}
