package io.latchkey.internal;

import io.latchkey.access.Actor;
import io.latchkey.access.CustomerId;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;

/**
 * Makes the actors that hold something. {@link Actor}'s constructor is private so that a host cannot make them;
 * this class, in a package the module does not export, reaches it for the SDK's own use: sign-in and sessions,
 * devices that proved their password, customers, and the kernel's jobs. Not API.
 */
public final class Actors {

    private static final MethodHandle NEW_ACTOR;

    static {
        try {
            NEW_ACTOR = MethodHandles.privateLookupIn(Actor.class, MethodHandles.lookup()).findConstructor(Actor.class,
                    MethodType.methodType(void.class, Actor.Kind.class, String.class, OrgId.class, Set.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Actors() {
    }

    /** A member of {@code organization} with {@code roles}, as stored now. */
    public static Actor member(MemberId member, OrgId organization, Set<Role> roles) {
        return make(Actor.Kind.MEMBER, member.toString(), organization, roles);
    }

    /** One of the SDK's own jobs, named for the journal. */
    public static Actor system(String job) {
        return make(Actor.Kind.SYSTEM, job, null, Set.of());
    }

    /** A device that proved its printed password. */
    public static Actor device(String serial) {
        return make(Actor.Kind.DEVICE, serial, null, Set.of());
    }

    /** A customer the app signed in. */
    public static Actor customer(CustomerId customer) {
        return make(Actor.Kind.CUSTOMER, customer.toString(), null, Set.of());
    }

    private static Actor make(Actor.Kind kind, String subject, OrgId organization, Set<Role> roles) {
        try {
            return (Actor) NEW_ACTOR.invoke(kind, subject, organization, roles);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
