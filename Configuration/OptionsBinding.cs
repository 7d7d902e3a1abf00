using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace VibeCheck.Configuration;

/// <summary>Binding that fails the way validation does, so a bad setting is reported alike whatever is wrong with it.</summary>
public static partial class OptionsBinding
{
    /// <summary>
    /// Like <c>OptionsBuilder.Bind</c>, but a value the binder cannot convert ("abc" for a number) surfaces as an
    /// <see cref="OptionsValidationException"/> naming the key, as out-of-range values do, instead of an
    /// <see cref="InvalidOperationException"/> from deep inside the binder.
    /// </summary>
    public static OptionsBuilder<T> BindValidated<T>(this OptionsBuilder<T> builder, IConfigurationSection section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configure(options => Bind(section, options, builder.Name));
        return builder;
    }

    /// <summary>Binds <paramref name="section"/> onto <paramref name="options"/>; an unconvertible value throws <see cref="OptionsValidationException"/>.</summary>
    public static void Bind<T>(IConfigurationSection section, T options, string optionsName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key ("... at 'NycDot:Retries' to type 'System.Int32'") and quotes the
            // value; the value goes, since a secret set under the wrong key must not reach the log.
            throw new OptionsValidationException(optionsName, typeof(T), [WithoutValue(ex.Message)]);
        }
    }

    private static string WithoutValue(string message) =>
        QuotedValue().Replace(message, "Failed to convert the configuration value at '");

    [GeneratedRegex("^Failed to convert configuration value '.*' at '", RegexOptions.Singleline)]
    private static partial Regex QuotedValue();
}
