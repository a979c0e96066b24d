namespace DataverseRelationship.Cli.Sample;

/// <summary>The story a sample account tells; the sample holds six accounts of each.</summary>
public enum SampleAccountProfile
{
    /// <summary>Starts transactional, gains key contacts, then sponsors and a joint plan: climbs to strategic partner.</summary>
    Climber,
    /// <summary>Several key contacts and steady fair wins: preferred, no partnership. Some deals re-parented.</summary>
    SteadyPreferred,
    /// <summary>One contact, few small deals, some above the transactional discount cap without commitments.</summary>
    SmallTransactional,
    /// <summary>
    /// A long partnership that decays in its recorded conduct: first margins squeezed, late payments and broken promises,
    /// then the plan's reviews stop and the sponsor leaves, then games on most deals, deep discounts and losses; last,
    /// after the buyer leaves too, the business falls away: half of its deals for half a year, then none.
    /// </summary>
    Decliner,
    /// <summary>Plays every procurement game; deep discounts, half of them without commitments.</summary>
    GamePlayer,
    /// <summary>Deep discounts, always matched by commitments (multi-year, prepayment, joint investment).</summary>
    Reciprocator,
}
