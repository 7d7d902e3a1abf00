using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VibeCheck.Configuration;

namespace VibeCheck.Alerting;

/// <summary>
/// Binds <c>Alerts</c> so that a value the binder cannot convert (an empty or misspelt boolean, "abc" for a number)
/// is reported as the validator reports a value out of range: an <see cref="OptionsValidationException"/> naming
/// the key, instead of an <see cref="InvalidOperationException"/> from inside the binder.
/// </summary>
internal static class AlertsOptionsBinding
{
    public static void Bind(IConfigurationSection section, AlertsOptions options) =>
        OptionsBinding.Bind(section, options, Options.DefaultName);

    public static AlertsOptions Get(IConfigurationSection section)
    {
        var options = new AlertsOptions();
        Bind(section, options);
        return options;
    }
}
