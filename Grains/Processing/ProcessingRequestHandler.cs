using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Grains.Processing;

/// <summary>
/// Does one processing request on its camera's grains, whichever backend delivered it: what
/// <c>POST /process/camera/{id}</c> does, or a refit of the camera's forecasts.
/// </summary>
public sealed class ProcessingRequestHandler(IGrainFactory grains)
{
    /// <summary>The outcome of one attempt; a failure of the grain call is a <see cref="ProcessingOutcome.Retry"/>.</summary>
    public async Task<ProcessingOutcome> HandleAsync(ProcessingRequest request)
    {
        try
        {
            return await DoAsync(request);
        }
        catch (Exception ex)
        {
            return ProcessingOutcome.Retry($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<ProcessingOutcome> DoAsync(ProcessingRequest request)
    {
        var camera = grains.GetGrain<ICameraGrain>(request.CameraId);
        if (request.Action == ProcessingAction.Refit)
        {
            var snapshot = await camera.GetSnapshot();
            if (snapshot.Registration is null)
            {
                return ProcessingOutcome.Unknown(request.CameraId);
            }

            await grains.GetGrain<ICameraForecastGrain>(request.CameraId).Refit();
            return ProcessingOutcome.Done;
        }

        var result = await camera.ProcessNow();
        return result.Outcome switch
        {
            ProcessOutcome.Processed => ProcessingOutcome.Done,
            ProcessOutcome.NotRegistered => ProcessingOutcome.Unknown(request.CameraId),
            _ => ProcessingOutcome.Retry($"camera image unavailable: {result.Error}"),
        };
    }
}
