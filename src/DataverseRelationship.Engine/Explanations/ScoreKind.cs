namespace DataverseRelationship.Engine.Explanations;

/// <summary>The scores the engine computes and explains.</summary>
public enum ScoreKind
{
    Reciprocity = 0,
    Autonomy = 1,
    Integrity = 2,
    Loyalty = 3,
    Fairness = 4,
    Health = 5,
    ChurnRisk = 6,
    Confidence = 7,
    Deal = 8,
    Engagement = 9,
}
