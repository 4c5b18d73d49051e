"""The course of the meeting: phases with clocks, projection, blank screen, the six-week timeline."""

from .view import MeetingFlowView

__all__ = ["MeetingFlowView"]
