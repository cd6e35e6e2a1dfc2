using Boilerplate.Protos.V1;
using Boilerplate.Service.Models;
using Google.Protobuf.WellKnownTypes;

namespace Boilerplate.Service.Mapping;

/// <summary>Describes a serving model in protobuf terms.</summary>
internal static class ModelInfoMapper
{
    public static ModelInfo ToInfo(ModelSnapshot snapshot)
    {
        var metadata = snapshot.Metadata;
        var info = new ModelInfo
        {
            Version = metadata.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(metadata.CreatedAt),
            MlnetVersion = metadata.MlNetVersion,
            FeatureSchemaVersion = metadata.FeatureSchemaVersion,
            Trainer = metadata.Trainer,
            TrainingData = metadata.TrainingData,
            Source = snapshot.Source,
            LoadedAt = Timestamp.FromDateTimeOffset(snapshot.LoadedAt),
        };
        info.Labels.AddRange(metadata.Labels);
        info.PageTypes.AddRange(metadata.PageTypes);
        info.AddedLabels.AddRange(metadata.AddedLabels.Select(a => new AddedLabel { Name = a.Name, Samples = a.Samples, Precision = a.Precision, Recall = a.Recall }));
        foreach (var (name, value) in metadata.Metrics)
        {
            info.Metrics[name] = value;
        }

        return info;
    }
}
