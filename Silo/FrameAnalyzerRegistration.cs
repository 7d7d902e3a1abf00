using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VibeCheck.Configuration;
using VibeCheck.Vision;

namespace VibeCheck.Silo;

public static class FrameAnalyzerRegistration
{
    /// <summary>
    /// The detector camera grains run on new frames: ONNX when <c>Vision:Onnx:ModelPath</c> is set and loads,
    /// otherwise the model-free background-subtraction detector (with a warning in the log).
    /// </summary>
    public static IServiceCollection AddVibeCheckFrameAnalyzer(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new FrameAnalyzerOptions();
        OptionsBinding.Bind(configuration.GetSection(FrameAnalyzerOptions.SectionName), options, Options.DefaultName);
        services.TryAddSingleton<IFrameAnalyzer>(sp =>
            FrameAnalyzerFactory.Create(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FrameAnalyzerFactory))));
        return services;
    }
}
